using System.Collections.Concurrent;
using SmsGateway.Core.Receiving.Inbound;
using SmsGateway.Core.Webhooks;

namespace SmsGateway.Core.Tests.Receiving.Inbound;

/// <summary>A hand-written inbound store; <see cref="FailNextMessageWrite"/> simulates a crash before the message is written.</summary>
internal sealed class InMemoryInboundStore : IInboundStore
{
    private readonly ConcurrentDictionary<string, InboundPartRecord> _parts = new();
    private readonly ConcurrentDictionary<string, InboundSet> _sets = new();
    private readonly ConcurrentDictionary<string, InboundMessage> _messages = new();
    private readonly List<WebhookEvent> _events = [];

    public bool FailNextMessageWrite { get; set; }

    public IReadOnlyList<InboundMessage> Messages => _messages.Values.OrderBy(m => m.Id, StringComparer.Ordinal).ToList();

    public IReadOnlyCollection<InboundPartRecord> Parts => _parts.Values.ToList();

    public Task<InboundPartRecord?> GetPartAsync(string setKey, string partId, CancellationToken cancellationToken) =>
        Task.FromResult(_parts.GetValueOrDefault(partId));

    public Task<bool> AddPartAsync(InboundPartRecord part, CancellationToken cancellationToken) =>
        Task.FromResult(_parts.TryAdd(part.Id, part));

    public Task<IReadOnlyList<InboundPartRecord>> ListSetPartsAsync(string setKey, string setId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<InboundPartRecord>>(_parts.Values.Where(p => p.SetId == setId).OrderBy(p => p.PartNumber).ToList());

    public Task SaveSetAsync(InboundSet set, CancellationToken cancellationToken)
    {
        _sets[set.Id] = set;
        return Task.CompletedTask;
    }

    public Task<InboundSet?> FindLatestSetAsync(string setKey, CancellationToken cancellationToken) =>
        Task.FromResult(_sets.Values.Where(s => s.Key == setKey).MaxBy(s => s.Id, StringComparer.Ordinal));

    public Task<IReadOnlyList<InboundSet>> ListUnreleasedSetsAsync(int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<InboundSet>>(_sets.Values.Where(s => s.State != InboundSetState.Released).OrderBy(s => s.Id, StringComparer.Ordinal).Take(max).ToList());

    /// <summary>The webhook events written with new messages, in order.</summary>
    public IReadOnlyList<WebhookEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public Task<bool> AddMessageAsync(InboundMessage message, IReadOnlyList<WebhookEvent> events, CancellationToken cancellationToken)
    {
        if (FailNextMessageWrite)
        {
            FailNextMessageWrite = false;
            throw new IOException("disk gone (simulated)");
        }

        if (!_messages.TryAdd(message.Id, message))
        {
            return Task.FromResult(false);
        }

        lock (_events)
        {
            _events.AddRange(events);
        }

        return Task.FromResult(true);
    }

    public Task<InboundMessage?> GetMessageAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_messages.GetValueOrDefault(id));

    public Task<InboundPage> ListMessagesAsync(string? before, int limit, CancellationToken cancellationToken)
    {
        var rows = _messages.Values
            .Where(m => before is null || string.CompareOrdinal(m.Id, before) < 0)
            .OrderByDescending(m => m.Id, StringComparer.Ordinal)
            .Take(limit + 1)
            .ToList();
        var items = rows.Take(limit).ToList();
        return Task.FromResult(new InboundPage(items, rows.Count > limit ? items[^1].Id : null));
    }
}
