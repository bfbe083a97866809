using System.Text.Json.Nodes;

namespace SmsGateway.Benchmarks.Modem;

/// <summary>
/// Issue 7, scenario 2: the latency the gateway adds. On an idle agent, messages are posted one at a time and
/// each is timed from its <c>202</c> to the first byte of <c>AT+CMGS</c> arriving on the pty, both on this
/// process's monotonic clock. Goal p50 ≤ 5 ms, p99 ≤ 20 ms.
/// </summary>
internal sealed class LatencyScenario : IBenchmarkScenario
{
    public string Name => "latency";

    public async Task<JsonObject> RunAsync(BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        var messages = BenchMessage.Mix(settings.CountOr(full: 200, smoke: 10));
        await using var rig = await ModemRig.StartAsync(airTimeMs: settings.Smoke ? 10 : 20, reportDelayMs: 5);
        await using var agent = await PtyAgent.StartAsync(rig, settings.WorkDirectory);
        await ModemRuns.WarmUpAsync(rig, agent.SubmitAsync, cancellationToken);
        var latencies = await ModemRuns.LatencyAsync(rig, messages, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(30), agent.SubmitAsync, cancellationToken);
        return new JsonObject
        {
            ["messages"] = messages.Count,
            ["airTimeMs"] = rig.AirTimeMs,
            ["latencyMs"] = Stats.Summary(latencies),
            ["sentPerStatusApi"] = await agent.WaitUntilSentAsync(TimeSpan.FromSeconds(30), cancellationToken),
            ["goalP50MaxMs"] = 5,
            ["goalP99MaxMs"] = 20,
        };
    }
}
