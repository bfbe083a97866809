using System.Text.Json.Nodes;

namespace SmsGateway.Benchmarks.Host;

/// <summary>
/// Issue 7, scenario 4: <c>POST /api/messages</c> against the agent process with durable enqueue
/// (SQLite), at saturation (wrk, closed loop) and at a constant 1,000 requests/s (open loop), for
/// the default <c>Storage:Synchronous=Full</c> and for <c>Normal</c>.
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
        foreach (var synchronous in new[] { "Full", "Normal" })
        {
            var data = Path.Combine(settings.WorkDirectory, synchronous);
            await using var agent = await AgentUnderTest.StartAsync(AgentForm.ReleaseBuild(), data, [$"--Storage:Synchronous={synchronous}"], cancellationToken: cancellationToken);

            // Warm-up: tiered JIT and the connection pools settle before anything is measured.
            await WrkLoad.RunAsync(agent.BaseAddress, connections, settings.Smoke ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(3), settings.WorkDirectory, cancellationToken);
            var constant = await ConstantRateLoad.RunAsync(agent.BaseAddress, rate, seconds, cancellationToken);
            var saturation = await WrkLoad.RunAsync(agent.BaseAddress, connections, seconds, settings.WorkDirectory, cancellationToken);
            figures[$"synchronous{synchronous}"] = new JsonObject
            {
                ["saturation"] = saturation,
                ["constantRate"] = constant,
            };
        }

        return figures;
    }
}
