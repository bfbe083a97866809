using System.Text.Json.Nodes;

namespace SmsGateway.Benchmarks.Host;

/// <summary>
/// Issue 7, scenario 4, on the configuration that ships (issue 19): <c>POST /api/messages</c> against the agent
/// process with durable enqueue (SQLite), at saturation (wrk, closed loop) and at a constant 1,000 requests/s (open
/// loop). Three runs in one: the shipped defaults (per-number limit and daily cap on and bookkeeping, destinations
/// spread over many numbers), the same with those limits lifted (the baseline), and lifted with
/// <c>Storage:Synchronous=Normal</c>. <c>shippedOverLifted</c> is the defaults' saturation throughput over the baseline's.
/// </summary>
internal sealed class IntakeScenario : IBenchmarkScenario
{
    public string Name => "intake";

    public async Task<JsonObject> RunAsync(BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        var seconds = TimeSpan.FromSeconds(settings.Smoke ? 1 : 10);
        var rate = settings.CountOr(1000, 100);
        var connections = settings.Smoke ? 8 : 64;
        var figures = new JsonObject
        {
            ["agent"] = AgentForm.ReleaseBuild().Name,
            ["cores"] = Environment.ProcessorCount,
        };
        foreach (var (name, shipped, synchronous) in new[] { ("shippedDefaults", true, "Full"), ("limitsLifted", false, "Full"), ("limitsLiftedSynchronousNormal", false, "Normal") })
        {
            var data = Path.Combine(settings.WorkDirectory, name);
            await using var agent = await AgentUnderTest.StartAsync(
                AgentForm.ReleaseBuild(), data, [$"--Storage:Synchronous={synchronous}"], shippedLimits: shipped, cancellationToken: cancellationToken);

            // Warm-up: tiered JIT and the connection pools settle before anything is measured.
            await WrkLoad.RunAsync(agent.BaseAddress, connections, settings.Smoke ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(3), settings.WorkDirectory, cancellationToken);
            var constant = await ConstantRateLoad.RunAsync(agent.BaseAddress, rate, seconds, cancellationToken);
            var saturation = await WrkLoad.RunAsync(agent.BaseAddress, connections, seconds, settings.WorkDirectory, cancellationToken);
            figures[name] = new JsonObject
            {
                ["synchronous"] = synchronous,
                ["saturation"] = saturation,
                ["constantRate"] = constant,
            };
        }

        figures["shippedOverLifted"] = Math.Round(
            Accepted(figures, "shippedDefaults") / Math.Max(1, Accepted(figures, "limitsLifted")), 3);
        return figures;
    }

    private static double Accepted(JsonObject figures, string run) =>
        figures[run]!["saturation"]!["acceptedPerSecond"]!.GetValue<double>();
}
