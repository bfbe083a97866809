using System.Text.Json.Nodes;

namespace SmsGateway.Benchmarks.Modem;

/// <summary>
/// Issue 7, scenario 1: a burst of messages (mixed single and multipart) posted over HTTP at once to the agent,
/// whose modem is the simulator on a pty with a fixed air time per part. Utilisation = parts × air time ÷ (last
/// part on the air − first <c>202</c>); 1.0 is the modem's physical limit. Goal ≥ 0.98.
/// </summary>
internal sealed class UtilisationScenario : IBenchmarkScenario
{
    public string Name => "utilisation";

    public async Task<JsonObject> RunAsync(BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        var messages = BenchMessage.Mix(settings.CountOr(full: 300, smoke: 10));
        var airTimeMs = settings.Smoke ? 20 : 100;
        await using var rig = await ModemRig.StartAsync(airTimeMs, reportDelayMs: 500);
        await using var agent = await PtyAgent.StartAsync(rig, settings.WorkDirectory);
        await ModemRuns.WarmUpAsync(rig, agent.SubmitAsync, cancellationToken);
        var figures = await ModemRuns.BurstAsync(rig, messages, messages.Count, agent.SubmitAsync, cancellationToken);
        figures["sentPerStatusApi"] = await agent.WaitUntilSentAsync(TimeSpan.FromSeconds(30), cancellationToken);
        figures["goalMin"] = 0.98;
        return figures;
    }
}
