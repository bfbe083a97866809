using SmsGateway.Core.Domain;
using SmsGateway.Core.Sending.Records;
using SmsGateway.Core.Webhooks;

namespace SmsGateway.Agent.Tests.Support;

/// <summary>
/// The real store with one switch: while <see cref="Gate"/> is open for business (not completed), an update that
/// records a destination as <c>sent</c> waits before it is written, so a test can look at the gateway while a
/// send's outcome is not yet durable.
/// </summary>
public sealed class SentGatedMessageStore(IMessageStore inner) : IMessageStore
{
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first "sent" update arrives at the gate.</summary>
    public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<CreateOutcome> CreateAsync(Message message, IdempotencyClaim? claim, CancellationToken cancellationToken) =>
        inner.CreateAsync(message, claim, cancellationToken);

    public Task<CreateOutcome.KeyClaimed?> FindClaimAsync(string key, CancellationToken cancellationToken) => inner.FindClaimAsync(key, cancellationToken);

    public Task<StoredMessage?> GetAsync(string id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

    public async Task<string> UpdateAsync(Message message, string etag, IReadOnlyList<WebhookEvent> events, CancellationToken cancellationToken)
    {
        var stored = await inner.GetAsync(message.Id, cancellationToken);
        var becomesSent = message.Destinations.Where((d, i) => d.Status == DestinationStatus.Sent
            && stored?.Message.Destinations[i].Status != DestinationStatus.Sent).Any();
        if (becomesSent)
        {
            Reached.TrySetResult();
            await Gate.Task.WaitAsync(cancellationToken);
        }

        return await inner.UpdateAsync(message, etag, events, cancellationToken);
    }

    public Task<IReadOnlyList<string>> FindWithDestinationStatusAsync(DestinationStatus status, int max, CancellationToken cancellationToken) =>
        inner.FindWithDestinationStatusAsync(status, max, cancellationToken);
}
