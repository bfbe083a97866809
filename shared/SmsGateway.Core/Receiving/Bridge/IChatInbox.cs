namespace SmsGateway.Core.Receiving.Bridge;

/// <summary>
/// The inbox of chat updates: each update is recorded durably once (a repeated delivery of the same id
/// is recognised) and acted on from there, so every update causes exactly one action even when the
/// service delivers it again (webhook retries, polling after a crash).
/// </summary>
public interface IChatInbox
{
    /// <summary>Records <paramref name="update"/>; false when an update with its id was recorded before (pending or processed).</summary>
    Task<bool> AddAsync(ChatUpdate update, CancellationToken cancellationToken);

    /// <summary>Recorded updates not yet processed, by ascending update id.</summary>
    Task<IReadOnlyList<ChatUpdate>> ListPendingAsync(int max, CancellationToken cancellationToken);

    /// <summary>How many recorded updates are not processed yet.</summary>
    Task<int> CountPendingAsync(CancellationToken cancellationToken);

    /// <summary>Marks the update processed; it stays known as a duplicate until purged.</summary>
    Task MarkProcessedAsync(long updateId, CancellationToken cancellationToken);

    /// <summary>Forgets processed updates recorded before <paramref name="recordedBefore"/>; returns how many.</summary>
    Task<int> PurgeAsync(DateTimeOffset recordedBefore, CancellationToken cancellationToken);
}
