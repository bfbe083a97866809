using System.Text.Json.Nodes;

namespace SmsGateway.Benchmarks.Modem;

/// <summary>Percentiles (nearest rank) of a set of durations in milliseconds.</summary>
internal static class Stats
{
    public static double Percentile(IReadOnlyList<double> values, double percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>n, mean, p50, p99 and max, rounded to microseconds.</summary>
    public static JsonObject Summary(IReadOnlyList<double> values) => values.Count == 0
        ? new JsonObject { ["n"] = 0 }
        : new JsonObject
        {
            ["n"] = values.Count,
            ["mean"] = ModemRuns.Round(values.Average()),
            ["p50"] = ModemRuns.Round(Percentile(values, 50)),
            ["p99"] = ModemRuns.Round(Percentile(values, 99)),
            ["max"] = ModemRuns.Round(values.Max()),
        };
}
