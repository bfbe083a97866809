using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace SmsGateway.Benchmarks.Cloud;

/// <summary>Billable operations by name, counted at the SDK and HTTP boundaries; thread-safe.</summary>
internal sealed class OperationCounter
{
    // The harness's own look-ups (is the message delivered yet?) flow through the same clients; they
    // run inside Ignore() and are not the product's cost.
    private static readonly AsyncLocal<bool> Ignored = new();

    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public static IDisposable Ignore()
    {
        Ignored.Value = true;
        return new Scope();
    }

    public void Add(string operation, long by = 1)
    {
        if (!Ignored.Value)
        {
            _counts.AddOrUpdate(operation, by, (_, n) => n + by);
        }
    }

    /// <summary>The counts so far, and starts again from zero.</summary>
    public Dictionary<string, long> TakeSnapshot()
    {
        var snapshot = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var key in _counts.Keys)
        {
            if (_counts.TryRemove(key, out var n))
            {
                snapshot[key] = n;
            }
        }

        return snapshot;
    }

    public static JsonObject ToJson(IReadOnlyDictionary<string, long> counts) =>
        new(counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value)));

    private sealed class Scope : IDisposable
    {
        public void Dispose() => Ignored.Value = false;
    }
}
