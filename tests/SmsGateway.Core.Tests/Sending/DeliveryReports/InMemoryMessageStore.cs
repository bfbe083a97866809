using System.Collections.Concurrent;
using System.Globalization;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Sending.Records;
using SmsGateway.Core.Webhooks;

namespace SmsGateway.Core.Tests.Sending.DeliveryReports;

/// <summary>A hand-written message store with integer ETags.</summary>
internal sealed class InMemoryMessageStore : IMessageStore
{
    private readonly ConcurrentDictionary<string, StoredMessage> _messages = new();
    private readonly ConcurrentDictionary<string, CreateOutcome.KeyClaimed> _claims = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<WebhookEvent> _events = new();

    public Message this[string id] => _messages[id].Message;

    public IReadOnlyList<Message> All => [.. _messages.Values.Select(m => m.Message)];

    /// <summary>Like a real store's I/O: a cancelled token fails the call before it does anything.</summary>
    public bool HonourCancellation { get; init; }

    public Task<CreateOutcome> CreateAsync(Message message, IdempotencyClaim? claim, CancellationToken cancellationToken)
    {
        if (claim is not null)
        {
            var held = _claims.GetOrAdd(claim.Key, new CreateOutcome.KeyClaimed(message.Id, claim.RequestHash));
            if (held.MessageId != message.Id)
            {
                return Task.FromResult<CreateOutcome>(held);
            }
        }

        _messages[message.Id] = new StoredMessage(message, "1");
        return Task.FromResult(CreateOutcome.New);
    }

    public Task<CreateOutcome.KeyClaimed?> FindClaimAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(_claims.GetValueOrDefault(key));

    public Task<StoredMessage?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ThrowIfCancelled(cancellationToken);
        return Task.FromResult(_messages.GetValueOrDefault(id));
    }

    /// <summary>The webhook events written with updates, in order.</summary>
    public IReadOnlyList<WebhookEvent> Events => [.. _events];

    public Task<string> UpdateAsync(Message message, string etag, IReadOnlyList<WebhookEvent> events, CancellationToken cancellationToken)
    {
        ThrowIfCancelled(cancellationToken);
        var next = (int.Parse(etag, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
        var current = _messages[message.Id];
        if (current.ETag != etag || !_messages.TryUpdate(message.Id, new StoredMessage(message, next), current))
        {
            throw new ConcurrencyConflictException();
        }

        foreach (var item in events)
        {
            _events.Enqueue(item);
        }

        return Task.FromResult(next);
    }

    public Task<IReadOnlyList<string>> FindWithDestinationStatusAsync(DestinationStatus status, int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(_messages.Values.Where(m => m.Message.Destinations.Any(d => d.Status == status)).Select(m => m.Message.Id).Take(max).ToList());

    private void ThrowIfCancelled(CancellationToken cancellationToken)
    {
        if (HonourCancellation)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
