using Microsoft.Extensions.Logging;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Sending.Queue;
using SmsGateway.Core.Sending.Records;

namespace SmsGateway.Core.Sending.DeadLetters;

/// <summary>Lists dead letters with their destination's state, and replays them.</summary>
public sealed partial class DeadLetterService(
    IOutboundQueue queue,
    IMessageStore store,
    MessageUpdater updater,
    ILogger<DeadLetterService> logger)
{
    public async Task<IReadOnlyList<DeadLetterView>> ListAsync(int max, CancellationToken cancellationToken)
    {
        var letters = await queue.ListDeadLettersAsync(max, cancellationToken);
        var views = new List<DeadLetterView>(letters.Count);
        foreach (var letter in letters)
        {
            var stored = await store.GetAsync(letter.Message.MessageId, cancellationToken);
            var destination = stored?.Message.Destinations.ElementAtOrDefault(letter.Message.DestinationIndex);
            views.Add(DeadLetterView.Of(letter, destination));
        }

        return views;
    }

    /// <summary>
    /// Puts a dead letter back in the queue with a fresh retry budget. The destination (<c>failed</c>, or
    /// <c>unknown</c> after a crash under the at-most-once policy) goes back to <c>queued</c> first, so the worker never sees the item while the store still says failed.
    /// Returns false when there is no such dead letter.
    /// </summary>
    public async Task<bool> ReplayAsync(string itemId, CancellationToken cancellationToken)
    {
        var letter = (await queue.ListDeadLettersAsync(int.MaxValue, cancellationToken)).FirstOrDefault(l => l.ItemId == itemId);
        if (letter is null)
        {
            return false;
        }

        var item = letter.Message;
        await updater.UpdateDestinationAsync(item.MessageId, item.DestinationIndex, d => d.Status is DestinationStatus.Failed or DestinationStatus.Unknown
            ? d.MoveTo(DestinationStatus.Queued) with { AttemptsBeforeReplay = d.Attempts, NextAttemptAt = null }
            : null, cancellationToken);

        if (!await queue.ReplayDeadLetterAsync(itemId, cancellationToken))
        {
            // Someone else replayed it between the listing and now; their replay stands.
            return false;
        }

        LogReplayed(logger, item.MessageId, item.DestinationIndex);
        return true;
    }

    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "Replayed dead letter of message {MessageId} destination {Index}")]
    private static partial void LogReplayed(ILogger logger, string messageId, int index);
}
