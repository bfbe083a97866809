using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmsGateway.Core.Sending.DeliveryReports;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Modem;
using SmsGateway.Core.Options;
using SmsGateway.Core.Phone;
using SmsGateway.Core.Sending.Queue;
using SmsGateway.Core.Sending.Records;
using SmsGateway.Core.Telemetry;

namespace SmsGateway.Core.Sending.Worker;

/// <summary>
/// Sends one received queue item in four steps that the <see cref="OutboundWorker"/> overlaps with
/// other items' sends: <see cref="PrepareAsync"/> records <c>sending</c> durably, <see cref="SendAsync"/>
/// sends through the modem, <see cref="RecordAsync"/> records the outcome (<c>sent</c> with its part
/// references, or the failure) durably, and <see cref="SettleAsync"/> then completes, abandons or
/// dead-letters the item. Failures are retried with backoff or dead-lettered with the reason. A multipart
/// send that failed part-way resumes after the parts the modem confirmed, with the same concatenation
/// reference, so no confirmed part is transmitted twice.
/// </summary>
public sealed partial class OutboundProcessor
{
    private readonly IOutboundQueue _queue;
    private readonly MessageUpdater _updater;
    private readonly ModemCircuit _modem;
    private readonly IPartReferenceIndex _references;
    private readonly OutboundOptions _options;
    private readonly RetryBackoff _backoff;
    private readonly TimeProvider _time;
    private readonly ILogger<OutboundProcessor> _logger;

    public OutboundProcessor(
        IOutboundQueue queue,
        MessageUpdater updater,
        ModemCircuit modem,
        IPartReferenceIndex references,
        IOptions<OutboundOptions> options,
        TimeProvider time,
        ILogger<OutboundProcessor> logger)
    {
        _queue = queue;
        _updater = updater;
        _modem = modem;
        _references = references;
        _options = options.Value;
        _backoff = new RetryBackoff(_options.RetryBaseDelay, _options.RetryMaxDelay);
        _time = time;
        _logger = logger;
    }

    /// <summary>The error an <c>unknown</c> destination carries; it tells the person what to do.</summary>
    public const string UnknownOutcomeError =
        "The gateway stopped while this SMS was being sent, so whether it left the modem is unknown. Replay it to send it (again), or leave it.";

    /// <summary>
    /// Records <c>sending</c> durably and counts the attempt. Null when there is nothing to send: the item
    /// referred to an unknown message, was found <c>unknown</c> or <c>failed</c> (dead-lettered), or was
    /// already settled (completed).
    /// </summary>
    public async Task<PreparedSend?> PrepareAsync(QueueLease lease, CancellationToken cancellationToken)
    {
        var item = lease.Message;
        Destination? before = null;
        var atMostOnce = _options.AfterCrash == AfterCrashPolicy.Unknown;
        var marked = await _updater.UpdateDestinationAsync(item.MessageId, item.DestinationIndex, d =>
        {
            before = d;
            return d.Status switch
            {
                // "sending" already: the gateway stopped before the outcome was recorded (see AfterCrashPolicy).
                DestinationStatus.Sending when atMostOnce => d.MoveTo(DestinationStatus.Unknown) with { Error = UnknownOutcomeError, NextAttemptAt = null },
                DestinationStatus.Queued or DestinationStatus.Sending => d.MoveTo(DestinationStatus.Sending) with { Attempts = d.Attempts + 1, NextAttemptAt = null },
                _ => null,
            };
        }, cancellationToken);

        if (marked is null)
        {
            await _queue.DeadLetterAsync(lease, DeadLetterReasons.MessageNotFound, "The queue item refers to a message the store does not have.", cancellationToken);
            return null;
        }

        if (before!.Status == DestinationStatus.Unknown)
        {
            // A crash between the durable "unknown" and the dead letter: finish it with the reason recorded, so a
            // person finds it listed as what it was, never completed or sent.
            await _queue.DeadLetterAsync(lease, DeadLetterReasons.FromUnknownError(before.Error), before.Error ?? UnknownOutcomeError, cancellationToken);
            return null;
        }

        if (marked.Destinations[item.DestinationIndex].Status == DestinationStatus.Unknown)
        {
            await _queue.DeadLetterAsync(lease, DeadLetterReasons.UnknownOutcomeAfterCrash, UnknownOutcomeError, cancellationToken);
            LogUnknownAfterCrash(_logger, item.MessageId, item.DestinationIndex);
            return null;
        }

        if (before.Status == DestinationStatus.Failed)
        {
            // A stop between the durable "failed" and the dead letter: finish it, so a person finds it listed.
            await _queue.DeadLetterAsync(lease, DeadLetterReasons.FromError(before.Error), before.Error ?? string.Empty, cancellationToken);
            return null;
        }

        if (before.Status is not (DestinationStatus.Queued or DestinationStatus.Sending))
        {
            // Already settled (a crash between the durable "sent" and completing the item).
            await _queue.CompleteAsync(lease, cancellationToken);
            return null;
        }

        if (before.Status == DestinationStatus.Sending)
        {
            LogResendAfterCrash(_logger, item.MessageId, item.DestinationIndex);
        }

        return new PreparedSend(lease, marked.Destinations[item.DestinationIndex]);
    }

    /// <summary>Sends through the modem; a failed send is an outcome, not an exception (cancellation aside).</summary>
    public async Task<SendOutcome> SendAsync(PreparedSend prepared, CancellationToken cancellationToken)
    {
        var item = prepared.Lease.Message;
        using var activity = GatewayTelemetry.StartSend(item);
        try
        {
            var sms = new ModemSendRequest(item.To, item.Text, _options.DeliveryReports)
            {
                ConcatReference = prepared.Destination.ConcatReference,
                PartsAlreadySent = prepared.Destination.PartReferences.Count,
            };
            return new SendOutcome.Sent(await _modem.SendAsync(sms, cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            var failure = ex as SmsSendException ?? new SmsSendException(SendFailureKind.Transient, ex.Message, null, ex);
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, failure.Kind.ToString());
            return new SendOutcome.Failed(failure);
        }
    }

    /// <summary>
    /// After a send: records the part references and <c>sent</c> durably; after a failure, the parts the modem
    /// confirmed and the failed, unknown or retry state. Returns what then becomes of the queue item
    /// (<see cref="SettleAsync"/>). A failure to record a known transmission is not a send failure: it
    /// propagates, the item stays <c>sending</c> and comes back after its lock under <c>Outbound:AfterCrash</c>,
    /// never retried as if it had not left.
    /// </summary>
    public Task<QueueSettlement> RecordAsync(PreparedSend prepared, SendOutcome outcome, CancellationToken cancellationToken) => outcome switch
    {
        SendOutcome.Sent(var receipt) => RecordSentAsync(prepared, receipt, cancellationToken),
        SendOutcome.Failed(var failure) => RecordFailureAsync(prepared, failure, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome.GetType().Name, "Unknown send outcome."),
    };

    private async Task<QueueSettlement> RecordSentAsync(PreparedSend prepared, SmsSendReceipt receipt, CancellationToken cancellationToken)
    {
        var item = prepared.Lease.Message;
        var earlier = prepared.Destination.PartReferences;
        await RecordReferencesAsync(item, earlier.Count, receipt.PartReferences, receipt.SentAt, cancellationToken);
        IReadOnlyList<int> references = [.. earlier, .. receipt.PartReferences];
        await _updater.UpdateDestinationAsync(item.MessageId, item.DestinationIndex, d => d.Status == DestinationStatus.Sending
            ? d.MoveTo(DestinationStatus.Sent) with { SentAt = receipt.SentAt, PartReferences = references }
            : null, cancellationToken);
        LogSent(_logger, item.MessageId, item.DestinationIndex, PhoneMask.Mask(item.To), references.Count, prepared.Attempts);
        return new QueueSettlement.Complete();
    }

    /// <summary>Completes, abandons (for the retry) or dead-letters the item, as <see cref="RecordAsync"/> decided.</summary>
    public Task SettleAsync(PreparedSend prepared, QueueSettlement settlement, CancellationToken cancellationToken) => settlement switch
    {
        QueueSettlement.Complete => _queue.CompleteAsync(prepared.Lease, cancellationToken),
        QueueSettlement.Retry retry => _queue.AbandonAsync(prepared.Lease, retry.Delay, cancellationToken),
        QueueSettlement.DeadLetter letter => _queue.DeadLetterAsync(prepared.Lease, letter.Reason, letter.Description, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(settlement), settlement, "unknown settlement"),
    };

    /// <summary>
    /// Gives back a prepared item that was never handed to the modem (the modem went away first): <c>queued</c>
    /// again, the attempt not counted, visible again at once.
    /// </summary>
    public async Task ReleaseAsync(PreparedSend prepared, CancellationToken cancellationToken)
    {
        var item = prepared.Lease.Message;
        await _updater.UpdateDestinationAsync(item.MessageId, item.DestinationIndex, d => d.Status == DestinationStatus.Sending
            ? d.MoveTo(DestinationStatus.Queued) with { Attempts = d.Attempts - 1 }
            : null, cancellationToken);
        await _queue.AbandonAsync(prepared.Lease, TimeSpan.Zero, cancellationToken);
    }

    // Before "sent": a report that finds the destination still "sending" waits for it; the other order
    // could leave a sent destination that no report can ever find. firstPart: where a resumed send began.
    private async Task RecordReferencesAsync(QueueItem item, int firstPart, IReadOnlyList<int> references, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        if (references.Count == 0)
        {
            return;
        }

        try
        {
            await _references.RecordAsync(
                references.Select((reference, part) => new PartReference(item.To, reference, item.MessageId, item.DestinationIndex, firstPart + part, sentAt)).ToList(),
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The SMS has left: failing here would send it again. Only its delivery reports will not match.
            LogReferencesNotRecorded(_logger, item.MessageId, item.DestinationIndex, ex);
        }
    }

    private async Task<QueueSettlement> RecordFailureAsync(PreparedSend prepared, SmsSendException failure, CancellationToken cancellationToken)
    {
        var item = prepared.Lease.Message;
        var attempts = prepared.Attempts;
        var error = failure.ErrorCode is { } code ? $"{failure.Message} (error {code})" : failure.Message;

        // Parts the modem confirmed before the failure are on their way: the next attempt (or a replay) resumes after them.
        var earlier = prepared.Destination.PartReferences;
        await RecordReferencesAsync(item, earlier.Count, failure.SentPartReferences, _time.GetUtcNow(), cancellationToken);
        IReadOnlyList<int> confirmed = [.. earlier, .. failure.SentPartReferences];
        var concatReference = failure.ConcatReference ?? prepared.Destination.ConcatReference;
        Destination WithProgress(Destination d) => d with { PartReferences = confirmed, ConcatReference = concatReference };

        if (failure.Kind == SendFailureKind.UnknownOutcome)
        {
            if (_options.AfterCrash == AfterCrashPolicy.Unknown)
            {
                // The PDU went out and no answer came: at most once means a person decides, as after a crash.
                return await RecordGivenUpAsync(prepared, DestinationStatus.Unknown, DeadLetterReasons.UnknownOutcome, $"{error}; the SMS may have left the modem", WithProgress, cancellationToken);
            }

            // At least once: the part that may have left is sent again (never the parts confirmed before it), and said so.
            error = $"{error}; part {confirmed.Count + 1} may have left the modem and is sent again (Outbound:AfterCrash=resend)";
        }

        if (failure.Kind == SendFailureKind.Permanent || prepared.AttemptsInBudget >= _options.MaxAttempts)
        {
            var reason = failure.Kind == SendFailureKind.Permanent ? DeadLetterReasons.PermanentError : DeadLetterReasons.RetryLimitExceeded;
            return await RecordGivenUpAsync(prepared, DestinationStatus.Failed, reason, error, WithProgress, cancellationToken);
        }

        var delay = _backoff.DelayAfter(prepared.AttemptsInBudget);
        var next = _time.GetUtcNow() + delay;
        await _updater.UpdateDestinationAsync(item.MessageId, item.DestinationIndex, d => d.Status == DestinationStatus.Sending
            ? WithProgress(d.MoveTo(DestinationStatus.Queued)) with { Error = error, NextAttemptAt = next }
            : null, cancellationToken);
        LogRetry(_logger, item.MessageId, item.DestinationIndex, attempts, failure.Kind, delay.TotalMilliseconds, error);
        return new QueueSettlement.Retry(delay);
    }

    // Records the destination as failed or unknown, with the reason in its error; the item is then dead-lettered.
    private async Task<QueueSettlement> RecordGivenUpAsync(
        PreparedSend prepared, DestinationStatus status, string reason, string error, Func<Destination, Destination> withProgress, CancellationToken cancellationToken)
    {
        var item = prepared.Lease.Message;
        var description = $"{reason} after {prepared.Attempts} attempt(s): {error}";
        await _updater.UpdateDestinationAsync(item.MessageId, item.DestinationIndex, d => d.Status == DestinationStatus.Sending
            ? withProgress(d.MoveTo(status)) with { Error = description }
            : null, cancellationToken);
        LogDeadLettered(_logger, item.MessageId, item.DestinationIndex, reason, prepared.Attempts, error);
        return new QueueSettlement.DeadLetter(reason, description);
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Sent message {MessageId} destination {Index} to {To}: {Parts} part(s), attempt {Attempt}")]
    private static partial void LogSent(ILogger logger, string messageId, int index, string to, int parts, int attempt);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Send of message {MessageId} destination {Index} failed on attempt {Attempt} ({Kind}); retrying in {DelayMs:F0} ms: {Error}")]
    private static partial void LogRetry(ILogger logger, string messageId, int index, int attempt, SendFailureKind kind, double delayMs, string error);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "Dead-lettered message {MessageId} destination {Index} ({Reason}) after {Attempts} attempt(s): {Error}")]
    private static partial void LogDeadLettered(ILogger logger, string messageId, int index, string reason, int attempts, string error);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Message {MessageId} destination {Index} was 'sending' when the gateway stopped; sending it again (at-least-once)")]
    private static partial void LogResendAfterCrash(ILogger logger, string messageId, int index);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Message {MessageId} destination {Index} was 'sending' when the gateway stopped; marked unknown and dead-lettered for a person to decide (Outbound:AfterCrash=unknown)")]
    private static partial void LogUnknownAfterCrash(ILogger logger, string messageId, int index);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Could not record the part references of message {MessageId} destination {Index}; its delivery reports will not be matched")]
    private static partial void LogReferencesNotRecorded(ILogger logger, string messageId, int index, Exception exception);
}
