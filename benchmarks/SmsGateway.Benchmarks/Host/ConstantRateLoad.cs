using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace SmsGateway.Benchmarks.Host;

/// <summary>
/// An open-loop load at a constant rate (what wrk2 does; Debian has only wrk): request <c>i</c> is
/// due at <c>i / rate</c> and sent then whether or not earlier ones were answered, and its latency
/// runs from that due time, so a stall of the server counts against every request it held up
/// (no coordinated omission).
/// </summary>
internal static class ConstantRateLoad
{
    public static async Task<JsonObject> RunAsync(Uri target, int perSecond, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = target, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", AgentUnderTest.ApiKey);
        var total = (int)(perSecond * duration.TotalSeconds);
        var latencies = new double[total];
        var statuses = new int[total];
        var inFlight = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        var sent = 0;
        while (sent < total)
        {
            var due = Math.Min(total, (int)(clock.Elapsed.TotalSeconds * perSecond) + 1);
            for (; sent < due; sent++)
            {
                inFlight.Add(SendAsync(client, sent, TimeSpan.FromSeconds((double)sent / perSecond), clock, latencies, statuses, cancellationToken));
            }

            await Task.Delay(1, cancellationToken);
        }

        await Task.WhenAll(inFlight);
        var seconds = clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        return new JsonObject
        {
            ["targetPerSecond"] = perSecond,
            ["requests"] = total,
            ["achievedPerSecond"] = Math.Round(total / seconds),
            ["p50Ms"] = Math.Round(Percentile(latencies, 0.50), 2),
            ["p99Ms"] = Math.Round(Percentile(latencies, 0.99), 2),
            ["maxMs"] = Math.Round(latencies[^1], 2),
            ["statuses"] = new JsonObject(statuses.GroupBy(s => s).OrderBy(g => g.Key)
                .Select(g => KeyValuePair.Create(g.Key.ToString(CultureInfo.InvariantCulture), (JsonNode?)g.Count()))),
        };
    }

    private static async Task SendAsync(HttpClient client, int index, TimeSpan due, Stopwatch clock, double[] latencies, int[] statuses, CancellationToken cancellationToken)
    {
        var to = string.Create(CultureInfo.InvariantCulture, $"+49152{index % 100_000_000:D8}");
        var body = $$"""{"to":["{{to}}"],"text":"Benchmark message {{index}}"}""";
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content, cancellationToken);
            statuses[index] = (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            statuses[index] = 0;
        }

        latencies[index] = (clock.Elapsed - due).TotalMilliseconds;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
