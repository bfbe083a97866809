using System.Text.Json;
using System.Text.Json.Nodes;

namespace SmsGateway.Testing.Telegram;

/// <summary>The fake's update queue with Telegram's getUpdates rules: an offset confirms (drops) every update below it; without updates a call waits.</summary>
internal sealed class UpdateFeed : IDisposable
{
    private readonly Lock _lock = new();
    private readonly List<(long Id, string Json, bool Force)> _pending = [];
    private readonly SemaphoreSlim _added = new(0);

    public void Add(string json, bool force)
    {
        var id = JsonDocument.Parse(json).RootElement.GetProperty("update_id").GetInt64();
        lock (_lock)
        {
            _pending.Add((id, json, force));
        }

        _added.Release();
    }

    public async Task<JsonArray> TakeAsync(JsonElement request, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        long? offset = request.TryGetProperty("offset", out var o) && o.ValueKind == JsonValueKind.Number ? o.GetInt64() : null;
        var limit = request.TryGetProperty("limit", out var l) && l.ValueKind == JsonValueKind.Number ? Math.Clamp(l.GetInt32(), 1, 100) : 100;
        var timeout = request.TryGetProperty("timeout", out var t) && t.ValueKind == JsonValueKind.Number ? TimeSpan.FromSeconds(t.GetInt32()) : TimeSpan.Zero;
        var deadline = DateTime.UtcNow + (timeout < maxWait ? timeout : maxWait);
        while (true)
        {
            lock (_lock)
            {
                _pending.RemoveAll(u => offset is { } confirmedBelow && u.Id < confirmedBelow && !u.Force);
                if (_pending.Count > 0)
                {
                    var handed = _pending.Take(limit).ToList();
                    var batch = new JsonArray([.. handed.Select(u => JsonNode.Parse(u.Json))]);

                    // A forced (redelivered) update is handed out once; it is confirmed by being seen.
                    _pending.RemoveAll(u => u.Force && handed.Contains(u));
                    return batch;
                }
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return [];
            }

            try
            {
                await _added.WaitAsync(left, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return [];
            }
        }
    }

    public void Dispose() => _added.Dispose();
}
