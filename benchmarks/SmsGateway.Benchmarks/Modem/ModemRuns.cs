using System.Diagnostics;
using System.Text.Json.Nodes;

namespace SmsGateway.Benchmarks.Modem;

/// <summary>
/// The two measurements, whoever is measured: a burst of messages against the modem's physical limit, and the
/// latency each message gets from an idle sender. <c>submit</c> hands one message to the system under test
/// and returns the timestamp at which it was accepted (the <c>202</c>, or the end of <c>gammu-smsd-inject</c>).
/// </summary>
internal static class ModemRuns
{
    /// <summary>Submits every message, <paramref name="parallelism"/> at a time, and waits until all parts are on the air.</summary>
    public static async Task<JsonObject> BurstAsync(
        ModemRig rig, IReadOnlyList<BenchMessage> messages, int parallelism, Func<BenchMessage, CancellationToken, Task<long>> submit, CancellationToken cancellationToken)
    {
        var parts = BenchMessage.Parts(messages);
        var partsBefore = rig.PartCount;
        var accepted = new long[messages.Count];
        await Parallel.ForAsync(0, messages.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (i, ct) => accepted[i] = await submit(messages[i], ct));
        var firstAccept = accepted.Min();
        var acceptedAll = accepted.Max();

        // Generously above the physical limit: a stuck sender shows as a timeout, not as a hang.
        var lastSent = await rig.WaitForPartsAsync(partsBefore + parts, TimeSpan.FromMilliseconds((parts * rig.AirTimeMs * 4) + 120_000));
        var elapsed = Stopwatch.GetElapsedTime(firstAccept, lastSent);
        return new JsonObject
        {
            ["messages"] = messages.Count,
            ["parts"] = parts,
            ["airTimeMs"] = rig.AirTimeMs,
            ["acceptAllMs"] = Round(Stopwatch.GetElapsedTime(firstAccept, acceptedAll).TotalMilliseconds),
            ["elapsedMs"] = Round(elapsed.TotalMilliseconds),
            ["limitMs"] = parts * rig.AirTimeMs,
            ["utilisation"] = Math.Round(parts * rig.AirTimeMs / elapsed.TotalMilliseconds, 4),
            ["breakdown"] = rig.Breakdown(partsBefore),
        };
    }

    /// <summary>
    /// Submits the messages one at a time on an idle sender: the time from acceptance to the first byte of
    /// <c>AT+CMGS</c> on the line. After each message it waits for all its parts and <paramref name="settle"/>
    /// more, so the sender is idle (delivery reports handled) before the next one.
    /// </summary>
    public static async Task<IReadOnlyList<double>> LatencyAsync(
        ModemRig rig, IReadOnlyList<BenchMessage> messages, TimeSpan settle, TimeSpan timeout, Func<BenchMessage, CancellationToken, Task<long>> submit, CancellationToken cancellationToken)
    {
        var latencies = new List<double>(messages.Count);
        var partsBefore = rig.PartCount;
        foreach (var message in messages)
        {
            while (rig.CmgsArrivals.TryRead(out _))
            {
            }

            var accepted = await submit(message, cancellationToken);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            var arrived = await rig.CmgsArrivals.ReadAsync(limit.Token);

            // Negative when the sender was faster than the 202 travelling back: the send started before the client knew.
            latencies.Add(Stopwatch.GetElapsedTime(accepted, arrived).TotalMilliseconds);
            partsBefore += BenchMessage.Parts([message]);
            await rig.WaitForPartsAsync(partsBefore, timeout);
            await Task.Delay(settle, cancellationToken);
        }

        return latencies;
    }

    /// <summary>
    /// One message through the whole path before anything is measured: the sender has connected to and set up
    /// the modem (Gammu SMSD initialises it only after it started), and the first-use costs are paid.
    /// </summary>
    public static async Task WarmUpAsync(ModemRig rig, Func<BenchMessage, CancellationToken, Task<long>> submit, CancellationToken cancellationToken)
    {
        var message = BenchMessage.Mix(1, first: 9_000)[0];
        var parts = rig.PartCount + BenchMessage.Parts([message]);
        await submit(message, cancellationToken);
        await rig.WaitForPartsAsync(parts, TimeSpan.FromSeconds(60));
    }

    public static double Round(double value) => Math.Round(value, 3);
}
