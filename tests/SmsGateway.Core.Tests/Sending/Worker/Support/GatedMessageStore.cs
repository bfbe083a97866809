using SmsGateway.Core.Domain;
using SmsGateway.Core.Sending.Records;
using SmsGateway.Core.Tests.Sending.DeliveryReports;
using SmsGateway.Core.Webhooks;

namespace SmsGateway.Core.Tests.Sending.Worker.Support;

/// <summary>
/// The in-memory message store with writes a test can hold back (<see cref="Hold"/>): a write is durable only once
/// it returns, so a held write is an outcome not yet durable.
/// </summary>
internal sealed class GatedMessageStore(InMemoryMessageStore inner, StateChanges changes) : IMessageStore
{
    private readonly Lock _sync = new();
    private readonly List<StoreGate> _gates = [];

    public Message this[string id] => inner[id];

    public StoreGate Hold(Func<Message, bool> matches)
    {
        var gate = new StoreGate(matches);
        lock (_sync)
        {
            _gates.Add(gate);
        }

        return gate;
    }

    public async Task<CreateOutcome> CreateAsync(Message message, IdempotencyClaim? claim, CancellationToken cancellationToken)
    {
        var outcome = await inner.CreateAsync(message, claim, cancellationToken);
        changes.Notify();
        return outcome;
    }

    public Task<CreateOutcome.KeyClaimed?> FindClaimAsync(string key, CancellationToken cancellationToken) => inner.FindClaimAsync(key, cancellationToken);

    public Task<StoredMessage?> GetAsync(string id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

    public async Task<string> UpdateAsync(Message message, string etag, IReadOnlyList<WebhookEvent> events, CancellationToken cancellationToken)
    {
        StoreGate? gate;
        lock (_sync)
        {
            gate = _gates.FirstOrDefault(g => g.Matches(message));
        }

        if (gate is not null)
        {
            var held = gate.HoldAsync(cancellationToken);
            changes.Notify();
            await held;
        }

        var written = await inner.UpdateAsync(message, etag, events, cancellationToken);
        changes.Notify();
        return written;
    }

    public Task<IReadOnlyList<string>> FindWithDestinationStatusAsync(DestinationStatus status, int max, CancellationToken cancellationToken) =>
        inner.FindWithDestinationStatusAsync(status, max, cancellationToken);
}
