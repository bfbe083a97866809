using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Options;
using SmsGateway.Core.Phone;
using SmsGateway.Core.Sending.Policy;
using SmsGateway.Core.Sending.Queue;
using SmsGateway.Core.Sending.Records;
using SmsGateway.Core.Telemetry;
using SmsGateway.Core.Text;

namespace SmsGateway.Core.Sending.Intake;

/// <summary>
/// Accepts messages: validates, applies the Idempotency-Key, stores the record, then queues one
/// item per destination. Every host (standalone, Functions, Telegram) sends through this class.
/// </summary>
public sealed partial class MessageIntake
{
    /// <summary>What a client is told to wait when the queue is full: a modem drains a few SMS a second.</summary>
    public static readonly TimeSpan QueueFullRetryAfter = TimeSpan.FromSeconds(5);

    private readonly IMessageStore _store;
    private readonly IOutboundQueue _queue;
    private readonly SmsOptions _options;
    private readonly PhoneNumberNormalizer _numbers;
    private readonly DestinationPolicy _destinations;
    private readonly GatewayMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<MessageIntake> _logger;

    public MessageIntake(
        IMessageStore store,
        IOutboundQueue queue,
        IOptions<SmsOptions> options,
        DestinationPolicy destinations,
        GatewayMetrics metrics,
        TimeProvider time,
        ILogger<MessageIntake> logger)
    {
        _destinations = destinations;
        _metrics = metrics;
        _store = store;
        _queue = queue;
        _options = options.Value;
        _numbers = new PhoneNumberNormalizer(_options.DefaultRegion);
        _time = time;
        _logger = logger;
    }

    // Long enough for a store under load, short enough that a broken store does not hold the request forever.
    private static readonly TimeSpan FailUnqueuedTimeout = TimeSpan.FromSeconds(30);

    public async Task<IntakeResult> SubmitAsync(SendMessageCommand command, CancellationToken cancellationToken)
    {
        using var activity = GatewayTelemetry.StartIntake();
        var validation = new SendMessageValidator(_numbers, _options, _destinations).Validate(command);
        if (validation.Errors.Count > 0 || validation.TextInfo is not { } textInfo)
        {
            return new IntakeResult.Invalid(validation.Errors);
        }

        var message = NewMessage(command, validation.Numbers, textInfo);
        var claim = command.IdempotencyKey is null
            ? null
            : new IdempotencyClaim(command.IdempotencyKey, RequestHash.Compute(validation.Numbers, message.Text, command.Priority));

        // Refuse before storing anything: a message we cannot queue must not be accepted. A retry of a request that
        // was accepted is answered as before, though: it asks for nothing new.
        if (_queue.Capacity is { } capacity && (await _queue.CountAsync(cancellationToken)).Depth + message.Destinations.Count > capacity)
        {
            return await ReplayOrAsync(message, claim, QueueFull(QueueFullRetryAfter), cancellationToken);
        }

        var admission = await _destinations.AdmitAsync(validation.Numbers, cancellationToken);
        if (admission is not DestinationAdmission.Admitted admitted)
        {
            var refusal = ((DestinationAdmission.Refused)admission).Refusal;
            var limited = new IntakeResult.RateLimited(new Dictionary<string, string[]> { ["to"] = [refusal.Message] }, refusal.RetryAfter);
            return await ReplayOrAsync(message, claim, limited, cancellationToken);
        }

        var stored = await StoreAndQueueAsync(message, claim, cancellationToken);
        if (stored is IntakeResult.Accepted)
        {
            await admitted.CommitAsync(cancellationToken);
            LogAccepted(_logger, message.Id, message.Destinations.Count, message.Segments);
            activity?.SetTag("sms.message_id", message.Id);
            _metrics.Accepted(message.Destinations.Count, message.Origin);
        }
        else
        {
            // Replayed, or refused by the queue after all: nothing new was stored, so nothing is charged.
            admitted.Release();
        }

        return stored;
    }

    private Message NewMessage(SendMessageCommand command, IReadOnlyList<string> numbers, SmsTextInfo textInfo)
    {
        var now = _time.GetUtcNow();
        return new Message
        {
            Id = Message.NewId(now),
            Text = command.Text ?? string.Empty,
            Destinations = numbers.Select(Destination.Sms).ToArray(),
            Priority = command.Priority,
            Origin = command.Origin,
            OriginContext = command.OriginContext,
            Client = command.Client,
            IdempotencyKey = command.IdempotencyKey,
            Encoding = textInfo.Encoding,
            Segments = textInfo.Segments,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    private async Task<IntakeResult> StoreAndQueueAsync(Message message, IdempotencyClaim? claim, CancellationToken cancellationToken)
    {
        var created = await _store.CreateAsync(message, claim, cancellationToken);
        if (created is CreateOutcome.KeyClaimed claimed)
        {
            // A store answers "claimed" only for a request that carried a key.
            return await ReplayAsync(message, claim ?? throw new InvalidOperationException("The store found a key the request did not carry."), claimed, cancellationToken);
        }

        try
        {
            using var publish = GatewayTelemetry.StartPublish();
            var items = message.Destinations
                .Select((d, i) => new QueueItem { MessageId = message.Id, DestinationIndex = i, To = d.Address, Text = message.Text, Priority = message.Priority, TraceParent = GatewayTelemetry.CurrentTraceParent() })
                .ToList();
            await _queue.PublishAsync(items, null, cancellationToken);
        }
        catch (QueueFullException full)
        {
            // Lost the race for the last places: fail the record so it is never sent later. Not on the request's token:
            // a client that hangs up now must not leave a stored message that is neither queued nor failed.
            using var bounded = new CancellationTokenSource(FailUnqueuedTimeout);
            await FailUnqueuedAsync(message, bounded.Token);
            return QueueFull(full.RetryAfter);
        }

        return new IntakeResult.Accepted(message);
    }

    private static IntakeResult.QueueFull QueueFull(TimeSpan retryAfter) => new(retryAfter);

    // A refusal is only for a request that asks for something new: the retry of an accepted request is replayed.
    private async Task<IntakeResult> ReplayOrAsync(Message candidate, IdempotencyClaim? claim, IntakeResult refusal, CancellationToken cancellationToken)
    {
        if (claim is null || await _store.FindClaimAsync(claim.Key, cancellationToken) is not { } claimed)
        {
            return refusal;
        }

        return await ReplayAsync(candidate, claim, claimed, cancellationToken);
    }

    private async Task<IntakeResult> ReplayAsync(Message candidate, IdempotencyClaim claim, CreateOutcome.KeyClaimed claimed, CancellationToken cancellationToken)
    {
        if (!string.Equals(claimed.RequestHash, claim.RequestHash, StringComparison.Ordinal))
        {
            return new IntakeResult.KeyReused();
        }

        var existing = await _store.GetAsync(claimed.MessageId, cancellationToken);

        // The first request may still be between claiming the key and storing its message; the
        // request is the same, so its answer can be built from this one with the first id.
        var message = existing?.Message ?? candidate with { Id = claimed.MessageId };
        return new IntakeResult.Replayed(message);
    }

    private async Task FailUnqueuedAsync(Message message, CancellationToken cancellationToken)
    {
        var stored = await _store.GetAsync(message.Id, cancellationToken);
        if (stored is null)
        {
            return;
        }

        var failed = stored.Message with
        {
            Destinations = stored.Message.Destinations
                .Select(d => d.MoveTo(DestinationStatus.Failed) with { Error = ChargedDestinations.UnqueuedError })
                .ToArray(),
        };
        await _store.UpdateAsync(failed, stored.ETag, cancellationToken);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Accepted message {MessageId} for {DestinationCount} destination(s), {Segments} segment(s)")]
    private static partial void LogAccepted(ILogger logger, string messageId, int destinationCount, int segments);
}
