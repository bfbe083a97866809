using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace SmsGateway.Benchmarks.Host;

/// <summary>
/// Debian's <c>wrk</c> (closed loop: each connection sends its next request when the last answer
/// came) posting one single-part SMS per request, each to its own number. The Lua script counts
/// the answers by status and prints them with wrk's latency percentiles as one JSON line.
/// </summary>
internal static class WrkLoad
{
    private const string Marker = "WRK-RESULT ";

    // Threads keep their own counters; done() gathers them (thread:get copies tables).
    private const string Script = """
        local threads = {}
        local next_id = 0
        function setup(thread)
          thread:set("id", next_id)
          next_id = next_id + 1
          table.insert(threads, thread)
        end
        function init(args)
          key = args[1]
          counter = 0
          statuses = {}
        end
        function request()
          counter = counter + 1
          local to = string.format("+4915%d%08d", 1 + id % 9, counter % 100000000)
          local body = '{"to":["' .. to .. '"],"text":"Benchmark message ' .. counter .. '"}'
          return wrk.format("POST", "/api/messages", { ["Content-Type"] = "application/json", ["X-Api-Key"] = key }, body)
        end
        function response(status)
          statuses[status] = (statuses[status] or 0) + 1
        end
        function done(summary, latency, requests)
          local counts = {}
          for _, thread in ipairs(threads) do
            for status, n in pairs(thread:get("statuses")) do
              counts[status] = (counts[status] or 0) + n
            end
          end
          local parts = {}
          for status, n in pairs(counts) do
            table.insert(parts, string.format('"%d":%d', status, n))
          end
          io.write(string.format('WRK-RESULT {"durationUs":%d,"requests":%d,"socketErrors":%d,"p50Us":%d,"p99Us":%d,"maxUs":%d,"statuses":{%s}}\n',
            summary.duration, summary.requests,
            summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
            latency:percentile(50), latency:percentile(99), latency.max, table.concat(parts, ",")))
        end
        """;

    /// <summary>Runs wrk for <paramref name="duration"/> and returns what the script printed.</summary>
    public static async Task<JsonObject> RunAsync(Uri target, int connections, TimeSpan duration, string workDirectory, CancellationToken cancellationToken)
    {
        var script = Path.Combine(workDirectory, "post.lua");
        await File.WriteAllTextAsync(script, Script, cancellationToken);
        var info = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
        {
            "-t2", $"-c{connections}", $"-d{(int)Math.Ceiling(duration.TotalSeconds)}s", "--timeout", "10s",
            "-s", script, target.ToString(), "--", AgentUnderTest.ApiKey,
        })
        {
            info.ArgumentList.Add(arg);
        }

        using var wrk = Process.Start(info) ?? throw new InvalidOperationException("wrk did not start (apt-get install wrk).");
        var output = await wrk.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = await wrk.StandardError.ReadToEndAsync(cancellationToken);
        await wrk.WaitForExitAsync(cancellationToken);
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(Marker, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk exited with {wrk.ExitCode} and no result:\n{output}\n{errors}");
        var result = JsonNode.Parse(line[Marker.Length..])!.AsObject();
        var seconds = result["durationUs"]!.GetValue<double>() / 1e6;
        var statuses = result["statuses"]!.AsObject();
        var accepted = statuses["202"]?.GetValue<long>() ?? 0;
        return new JsonObject
        {
            ["connections"] = connections,
            ["seconds"] = Math.Round(seconds, 2),
            ["requests"] = result["requests"]!.GetValue<long>(),
            ["acceptedPerSecond"] = Math.Round(accepted / seconds),
            ["p50Ms"] = Milliseconds(result["p50Us"]!),
            ["p99Ms"] = Milliseconds(result["p99Us"]!),
            ["maxMs"] = Milliseconds(result["maxUs"]!),
            ["statuses"] = statuses.DeepClone(),
            ["socketErrors"] = result["socketErrors"]!.GetValue<long>(),
        };
    }

    private static double Milliseconds(JsonNode microseconds) =>
        Math.Round(double.Parse(microseconds.ToString(), CultureInfo.InvariantCulture) / 1000, 2);
}
