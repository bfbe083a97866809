using System.Text.Json.Nodes;

namespace SmsGateway.Benchmarks.Modem;

/// <summary>
/// Issue 7, scenario 3: Gammu SMSD and the agent in the same run, each against its own simulator with the same
/// air time, given the same messages: a burst (elapsed, utilisation) and then one at a time (latency from
/// acceptance — the <c>202</c>, or <c>gammu-smsd-inject</c> returning — to the first byte of <c>AT+CMGS</c>).
/// </summary>
internal sealed class GammuScenario : IBenchmarkScenario
{
    public string Name => "gammu";

    public async Task<JsonObject> RunAsync(BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        await GammuSmsd.EnsureInstalledAsync();
        var burst = BenchMessage.Mix(settings.CountOr(full: 60, smoke: 5));
        var oneByOne = BenchMessage.Mix(settings.Smoke ? 3 : 20, first: 1_000);
        var airTimeMs = settings.Smoke ? 20 : 100;
        var settle = TimeSpan.FromMilliseconds(50);
        var timeout = TimeSpan.FromSeconds(60);

        JsonObject gammu;
        await using (var rig = await ModemRig.StartAsync(airTimeMs, reportDelayMs: 5))
        await using (var smsd = await GammuSmsd.StartAsync(rig, settings.WorkDirectory))
        {
            await ModemRuns.WarmUpAsync(rig, smsd.InjectAsync, cancellationToken);
            var figures = await ModemRuns.BurstAsync(rig, burst, 4, smsd.InjectAsync, cancellationToken);
            figures["latencyMs"] = Stats.Summary(await ModemRuns.LatencyAsync(rig, oneByOne, settle, timeout, smsd.InjectAsync, cancellationToken));
            gammu = figures;
        }

        JsonObject agent;
        await using (var rig = await ModemRig.StartAsync(airTimeMs, reportDelayMs: 5))
        await using (var gateway = await PtyAgent.StartAsync(rig, settings.WorkDirectory))
        {
            await ModemRuns.WarmUpAsync(rig, gateway.SubmitAsync, cancellationToken);
            var figures = await ModemRuns.BurstAsync(rig, burst, burst.Count, gateway.SubmitAsync, cancellationToken);
            figures["latencyMs"] = Stats.Summary(await ModemRuns.LatencyAsync(rig, oneByOne, settle, timeout, gateway.SubmitAsync, cancellationToken));
            agent = figures;
        }

        return new JsonObject
        {
            ["messages"] = burst.Count,
            ["messagesOneByOne"] = oneByOne.Count,
            ["airTimeMs"] = airTimeMs,
            ["gammuSmsd"] = gammu,
            ["agent"] = agent,
            ["gammuElapsedOverAgent"] = Ratio(gammu["elapsedMs"], agent["elapsedMs"]),
            ["agentUtilisationOverGammu"] = Ratio(agent["utilisation"], gammu["utilisation"]),
            ["gammuLatencyP50OverAgent"] = Ratio(gammu["latencyMs"]?["p50"], agent["latencyMs"]?["p50"]),
        };
    }

    private static double Ratio(JsonNode? numerator, JsonNode? denominator) =>
        Math.Round(numerator!.GetValue<double>() / denominator!.GetValue<double>(), 2);
}
