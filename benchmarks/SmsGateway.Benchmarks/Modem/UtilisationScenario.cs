using System.Text.Json.Nodes;

namespace SmsGateway.Benchmarks.Modem;

/// <summary>
/// Issue 7, scenario 1: a burst of messages (mixed single and multipart) posted over HTTP at once to the agent,
/// whose modem is the simulator on a pty with a fixed air time per part. Utilisation = parts × air time ÷ (last
/// part on the air − first <c>202</c>); 1.0 is the modem's physical limit. Goal ≥ 0.98. The same run measures the
/// floor — a minimal client sending the same parts back to back over a pty to the same simulator
/// (<see cref="FloorClient"/>) — and reports the gateway's utilisation over the floor's.
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
        var floor = await FloorAsync(messages, airTimeMs);
        figures["floor"] = floor;
        figures["gatewayOverFloor"] = Math.Round(figures["utilisation"]!.GetValue<double>() / floor["utilisation"]!.GetValue<double>(), 4);
        return figures;
    }

    private static async Task<JsonObject> FloorAsync(IReadOnlyList<BenchMessage> messages, int airTimeMs)
    {
        await using var rig = await ModemRig.StartAsync(airTimeMs, reportDelayMs: 500);
        var parts = BenchMessage.Parts(messages);
        var first = await Task.Run(() => FloorClient.SendAll(rig.HostPath, messages));
        var last = await rig.WaitForPartsAsync(parts, TimeSpan.FromMilliseconds((parts * airTimeMs * 4) + 60_000));
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(first, last);
        return new JsonObject
        {
            ["parts"] = parts,
            ["elapsedMs"] = ModemRuns.Round(elapsed.TotalMilliseconds),
            ["utilisation"] = Math.Round(parts * airTimeMs / elapsed.TotalMilliseconds, 4),
            ["breakdown"] = rig.Breakdown(),
        };
    }
}
