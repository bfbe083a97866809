using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Modem;
using SmsGateway.Core.Phone;
using SmsGateway.Core.Webhooks;

namespace SmsGateway.Core.Receiving.Inbound;

/// <summary>
/// Turns received parts into inbound messages: a plain SMS at once, a multipart SMS when its last part
/// arrives or, incomplete, at the reassembly timeout. Every step is a single durable write that can be
/// repeated, so a crash at any point and the same part arriving again lead to the same single message.
/// </summary>
/// <remarks>
/// One modem feeds one assembler, so its steps run one at a time under a local lock; that keeps the
/// store port free of transactions and conditional updates.
/// </remarks>
public sealed partial class InboundAssembler : IInboundSmsSink
{
    /// <summary>A released set's missing part is a late fragment only if sent this close to the set; otherwise it is a new message reusing the reference.</summary>
    private static readonly TimeSpan LateFragmentWindow = TimeSpan.FromDays(1);

    private readonly IInboundStore _store;
    private readonly InboundListenerNotifier _notifier;
    private readonly IOptions<InboundOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<InboundAssembler> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);

    // Where webhooks are on: the sms.received event, stored with the message.
    private readonly WebhookEventFactory? _events;

    public InboundAssembler(
        IInboundStore store,
        IEnumerable<IInboundMessageListener> listeners,
        IOptions<InboundOptions> options,
        TimeProvider time,
        ILogger<InboundAssembler> logger,
        WebhookEventFactory? events = null)
    {
        _events = events;
        _store = store;
        // Options are read on first use: hosts build their services before they validate options.
        _options = options;
        _notifier = new InboundListenerNotifier(listeners, options, time, logger);
        _time = time;
        _logger = logger;
    }

    /// <summary>Stores <paramref name="sms"/> durably and releases the message it completes, if any; a repeated part changes nothing.</summary>
    public async Task StoreInboundAsync(InboundSmsPart sms, CancellationToken cancellationToken)
    {
        List<InboundMessage> created = [];
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await StoreLockedAsync(sms, created, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }

        await _notifier.NotifyAsync(created, cancellationToken);
    }

    /// <summary>
    /// Releases sets whose timeout has passed (incomplete) and finishes releases a crash interrupted.
    /// Returns how many messages were stored.
    /// </summary>
    public async Task<int> ReleaseDueAsync(CancellationToken cancellationToken)
    {
        List<InboundMessage> created = [];
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = _time.GetUtcNow();
            foreach (var set in await _store.ListUnreleasedSetsAsync(500, cancellationToken))
            {
                if (set.State == InboundSetState.Releasing)
                {
                    await FinishReleaseAsync(set, created, cancellationToken);
                }
                else if (set.OpenedAt + _options.Value.ReassemblyTimeout <= now)
                {
                    await ReleaseAsync(set, created, cancellationToken);
                }
            }
        }
        finally
        {
            _gate.Release();
        }

        await _notifier.NotifyAsync(created, cancellationToken);
        return created.Count;
    }

    private async Task StoreLockedAsync(InboundSmsPart sms, List<InboundMessage> created, CancellationToken cancellationToken)
    {
        var concat = InboundPartIdentity.IsMultipart(sms) ? sms.Concat : null;
        var part = new InboundPartRecord
        {
            Id = InboundPartIdentity.PartId(sms),
            SetKey = InboundPartIdentity.SetKey(sms),
            Sender = sms.Sender,
            SentAt = sms.SentAt,
            ReceivedAt = _time.GetUtcNow(),
            Text = sms.Text,
            Pdu = sms.Pdu,
            PartNumber = concat?.PartNumber ?? 1,
            PartCount = concat?.PartCount ?? 1,
            Truncated = sms.Truncated,
        };

        if (await _store.GetPartAsync(part.SetKey, part.Id, cancellationToken) is { } existing)
        {
            LogDuplicatePart(_logger, PhoneMask.Mask(part.Sender), part.PartNumber, part.PartCount);
            await ResumeAsync(existing, created, cancellationToken);
            return;
        }

        if (concat is null)
        {
            await StoreStandaloneAsync(part, fragmentOf: null, created, cancellationToken);
            return;
        }

        var latest = await _store.FindLatestSetAsync(part.SetKey, cancellationToken);
        var set = latest;
        if (set is { State: InboundSetState.Open })
        {
            var parts = await _store.ListSetPartsAsync(set.Key, set.Id, cancellationToken);
            if (parts.Any(p => p.PartNumber == part.PartNumber))
            {
                // The sender reused the reference for a new message while the old one still waits:
                // the old one will not get this part number again, so it is released as it is.
                await ReleaseAsync(set, created, cancellationToken);
                set = null;
            }
        }
        else if (set is not null && !set.IncludedParts.Contains(part.PartNumber) && (part.SentAt - set.SentAt).Duration() <= LateFragmentWindow)
        {
            LogLateFragment(_logger, PhoneMask.Mask(part.Sender), part.PartNumber, part.PartCount, set.MessageId);
            await StoreStandaloneAsync(part, set.MessageId, created, cancellationToken);
            return;
        }
        else
        {
            set = null;
        }

        if (set is null)
        {
            set = new InboundSet
            {
                // The newest set of a key must sort last, even when opened in the same millisecond as the previous one.
                Id = Message.NewId(latest is not null && latest.OpenedAt >= part.ReceivedAt ? latest.OpenedAt.AddMilliseconds(1) : part.ReceivedAt),
                Key = part.SetKey,
                Sender = part.Sender,
                PartCount = part.PartCount,
                OpenedAt = part.ReceivedAt,
                SentAt = part.SentAt,
            };
            await _store.SaveSetAsync(set, cancellationToken);
        }

        await _store.AddPartAsync(part with { SetId = set.Id }, cancellationToken);
        LogPartStored(_logger, PhoneMask.Mask(part.Sender), part.PartNumber, part.PartCount);
        await ReleaseIfCompleteAsync(set, created, cancellationToken);
    }

    /// <summary>Finishes whatever a crash interrupted after <paramref name="part"/> was stored.</summary>
    private async Task ResumeAsync(InboundPartRecord part, List<InboundMessage> created, CancellationToken cancellationToken)
    {
        if (part.MessageId is not null)
        {
            await StoreMessageAsync(InboundMessageFactory.Create(part.MessageId, [part], part.PartCount, part.FragmentOf), created, cancellationToken);
            return;
        }

        var set = await _store.FindLatestSetAsync(part.SetKey, cancellationToken);
        if (set is null || set.Id != part.SetId)
        {
            return;
        }

        if (set.State == InboundSetState.Open)
        {
            await ReleaseIfCompleteAsync(set, created, cancellationToken);
        }
        else if (set.State == InboundSetState.Releasing)
        {
            await FinishReleaseAsync(set, created, cancellationToken);
        }
    }

    /// <summary>A plain SMS, or a late fragment: its message id is stored with the part, then the message is written.</summary>
    private async Task StoreStandaloneAsync(InboundPartRecord part, string? fragmentOf, List<InboundMessage> created, CancellationToken cancellationToken)
    {
        var messageId = Message.NewId(_time.GetUtcNow());
        var withId = part with { MessageId = messageId, FragmentOf = fragmentOf };
        await _store.AddPartAsync(withId, cancellationToken);
        await StoreMessageAsync(InboundMessageFactory.Create(messageId, [withId], withId.PartCount, fragmentOf), created, cancellationToken);
    }

    private async Task ReleaseIfCompleteAsync(InboundSet set, List<InboundMessage> created, CancellationToken cancellationToken)
    {
        var parts = await _store.ListSetPartsAsync(set.Key, set.Id, cancellationToken);
        if (parts.Select(p => p.PartNumber).Distinct().Count() == set.PartCount)
        {
            await ReleaseAsync(set, created, cancellationToken);
        }
    }

    /// <summary>Fixes the parts and the message id first, so a crash before the message is written repeats the same release.</summary>
    private async Task ReleaseAsync(InboundSet set, List<InboundMessage> created, CancellationToken cancellationToken)
    {
        var parts = await _store.ListSetPartsAsync(set.Key, set.Id, cancellationToken);
        var releasing = set with
        {
            State = InboundSetState.Releasing,
            MessageId = Message.NewId(_time.GetUtcNow()),
            IncludedParts = parts.Select(p => p.PartNumber).Distinct().Order().ToList(),
        };
        await _store.SaveSetAsync(releasing, cancellationToken);
        await FinishReleaseAsync(releasing, created, cancellationToken);
    }

    private async Task FinishReleaseAsync(InboundSet set, List<InboundMessage> created, CancellationToken cancellationToken)
    {
        var parts = (await _store.ListSetPartsAsync(set.Key, set.Id, cancellationToken))
            .Where(p => set.IncludedParts.Contains(p.PartNumber))
            .ToList();
        if (parts.Count > 0)
        {
            var message = InboundMessageFactory.Create(set.MessageId!, parts, set.PartCount);
            await StoreMessageAsync(message, created, cancellationToken);
        }

        // A set with no parts is what a crash between opening it and storing its first part leaves behind.
        await _store.SaveSetAsync(set with { State = InboundSetState.Released }, cancellationToken);
    }

    private async Task StoreMessageAsync(InboundMessage message, List<InboundMessage> created, CancellationToken cancellationToken)
    {
        IReadOnlyList<WebhookEvent> events = _events is null ? [] : [_events.ForInbound(message)];
        if (!await _store.AddMessageAsync(message, events, cancellationToken))
        {
            return;
        }

        created.Add(message);
        if (message.Complete)
        {
            LogMessageStored(_logger, message.Id, PhoneMask.Mask(message.Sender), message.Parts);
        }
        else
        {
            LogIncompleteMessageStored(_logger, message.Id, PhoneMask.Mask(message.Sender), message.Parts, string.Join(',', message.MissingParts));
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Stored inbound message {MessageId} from {Sender} ({Parts} part(s))")]
    private static partial void LogMessageStored(ILogger logger, string messageId, string sender, int parts);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Stored inbound message {MessageId} from {Sender} incomplete: {Parts} part(s) announced, missing {MissingParts}")]
    private static partial void LogIncompleteMessageStored(ILogger logger, string messageId, string sender, int parts, string missingParts);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Debug, Message = "Stored part {Part}/{Parts} from {Sender}")]
    private static partial void LogPartStored(ILogger logger, string sender, int part, int parts);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Part {Part}/{Parts} from {Sender} was already stored; not stored again")]
    private static partial void LogDuplicatePart(ILogger logger, string sender, int part, int parts);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Part {Part}/{Parts} from {Sender} arrived after message {MessageId} was released without it; stored as a fragment of its own")]
    private static partial void LogLateFragment(ILogger logger, string sender, int part, int parts, string? messageId);
}
