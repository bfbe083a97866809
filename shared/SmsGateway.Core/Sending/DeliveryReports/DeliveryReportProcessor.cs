using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Modem;
using SmsGateway.Core.Options;
using SmsGateway.Core.Phone;
using SmsGateway.Core.Sending.Records;

namespace SmsGateway.Core.Sending.DeliveryReports;

/// <summary>
/// Applies delivery reports to destinations: a destination is <c>delivered</c> when every part is
/// confirmed, <c>undelivered</c> at the first final failure. A report that arrives before its part is
/// recorded as sent (the network can be faster than the gateway's own write) is parked durably and
/// tried again, and dropped as unknown only after <see cref="DeliveryReportOptions.PendingTimeout"/>.
/// </summary>
public sealed partial class DeliveryReportProcessor : IDeliveryReportSink
{
    private readonly IPartReferenceIndex _index;
    private readonly IPendingDeliveryReportStore _pending;
    private readonly MessageUpdater _updater;
    private readonly IOptions<DeliveryReportOptions> _options;
    private readonly IOptions<SmsOptions> _smsOptions;
    private readonly TimeProvider _time;
    private readonly ILogger<DeliveryReportProcessor> _logger;

    public DeliveryReportProcessor(
        IPartReferenceIndex index,
        IPendingDeliveryReportStore pending,
        MessageUpdater updater,
        IOptions<DeliveryReportOptions> options,
        IOptions<SmsOptions> smsOptions,
        TimeProvider time,
        ILogger<DeliveryReportProcessor> logger)
    {
        _index = index;
        _pending = pending;
        _updater = updater;
        // Options are read on first use, not here: hosts build their services before they validate options,
        // and a bad setting should stop start-up with the validation message, not a stack trace.
        _options = options;
        _smsOptions = smsOptions;
        _time = time;
        _logger = logger;
    }

    /// <summary>Applies <paramref name="report"/>, or parks it durably when its part is not recorded as sent yet.</summary>
    /// <inheritdoc/>
    public Task ApplyDeliveryReportAsync(DeliveryReport report, CancellationToken cancellationToken) => ReceiveAsync(report, cancellationToken);

    public async Task<DeliveryOutcome> ReceiveAsync(DeliveryReport report, CancellationToken cancellationToken)
    {
        var outcome = await ApplyAsync(report, cancellationToken);
        if (outcome is DeliveryOutcome.Unknown or DeliveryOutcome.NotYetSent)
        {
            await _pending.AddAsync(new PendingDeliveryReport(PendingId(report), report, _time.GetUtcNow()), cancellationToken);
            LogParked(_logger, report.MessageReference, PhoneMask.Mask(report.Recipient), outcome);
        }

        return outcome;
    }

    /// <summary>Tries parked reports again; those still unmatched after the pending timeout are dropped. Returns how many are still parked.</summary>
    public async Task<int> RetryPendingAsync(CancellationToken cancellationToken)
    {
        var parked = await _pending.ListAsync(500, cancellationToken);
        var left = 0;
        foreach (var entry in parked)
        {
            var outcome = await ApplyAsync(entry.Report, cancellationToken);
            if (outcome is DeliveryOutcome.Unknown or DeliveryOutcome.NotYetSent)
            {
                if (_time.GetUtcNow() - entry.ReceivedAt < _options.Value.PendingTimeout)
                {
                    left++;
                    continue;
                }

                LogUnknownReference(_logger, entry.Report.MessageReference, PhoneMask.Mask(entry.Report.Recipient), entry.Report.Status);
            }

            await _pending.RemoveAsync(entry.Id, cancellationToken);
        }

        return left;
    }

    /// <summary>Removes index entries too old to be matched.</summary>
    public Task<int> PurgeIndexAsync(CancellationToken cancellationToken) =>
        _index.PurgeAsync(_time.GetUtcNow() - _options.Value.MatchWindow, cancellationToken);

    private async Task<DeliveryOutcome> ApplyAsync(DeliveryReport report, CancellationToken cancellationToken)
    {
        if (!report.IsFinal)
        {
            LogNotFinal(_logger, report.MessageReference, report.Status, TpStatus.Describe(report.Status));
            return DeliveryOutcome.NotFinal;
        }

        var part = await FindPartAsync(report, cancellationToken);
        if (part is null)
        {
            return DeliveryOutcome.Unknown;
        }

        var outcome = DeliveryOutcome.Unknown;
        var updated = await _updater.UpdateDestinationAsync(part.MessageId, part.DestinationIndex, d =>
        {
            outcome = Decide(d, part, report);
            return outcome switch
            {
                DeliveryOutcome.Undelivered => d.MoveTo(DestinationStatus.Undelivered) with { Error = TpStatus.UndeliveredError(report.Status) },
                DeliveryOutcome.Delivered => d.MoveTo(DestinationStatus.Delivered) with { DeliveredAt = report.DischargeTime, DeliveredParts = WithPart(d, part.PartIndex) },
                DeliveryOutcome.PartDelivered => d with { DeliveredParts = WithPart(d, part.PartIndex) },
                _ => null,
            };
        }, cancellationToken);

        if (updated is null)
        {
            return DeliveryOutcome.Unknown;
        }

        LogApplied(_logger, part.MessageId, part.DestinationIndex, part.PartIndex, report.Status, outcome);
        return outcome;
    }

    private static DeliveryOutcome Decide(Destination destination, PartReference part, DeliveryReport report)
    {
        // The index is written before "sent", so an entry can belong to an attempt that was sent again
        // with new references; only the references of the recorded send count.
        var current = part.PartIndex < destination.PartReferences.Count && destination.PartReferences[part.PartIndex] == report.MessageReference;
        if (destination.Status is DestinationStatus.Queued or DestinationStatus.Sending)
        {
            // A part that an interrupted multipart send got confirmed counts now; a failure report waits for "sent".
            if (current && report.Delivered)
            {
                return destination.DeliveredParts.Contains(part.PartIndex) ? DeliveryOutcome.Ignored : DeliveryOutcome.PartDelivered;
            }

            return DeliveryOutcome.NotYetSent;
        }

        if (!current || destination.Status != DestinationStatus.Sent)
        {
            return DeliveryOutcome.Ignored;
        }

        if (!report.Delivered)
        {
            return DeliveryOutcome.Undelivered;
        }

        var delivered = WithPart(destination, part.PartIndex);
        if (delivered.Count == destination.DeliveredParts.Count)
        {
            return DeliveryOutcome.Ignored;
        }

        return delivered.Count >= destination.PartReferences.Count ? DeliveryOutcome.Delivered : DeliveryOutcome.PartDelivered;
    }

    private static List<int> WithPart(Destination destination, int partIndex) =>
        destination.DeliveredParts.Append(partIndex).Distinct().Order().ToList();

    private async Task<PartReference?> FindPartAsync(DeliveryReport report, CancellationToken cancellationToken)
    {
        // The driver has already read a national recipient in the SIM's home country where it knows that.
        var region = _smsOptions.Value.DefaultRegion is { Length: > 0 } configured ? configured.Trim().ToUpperInvariant() : null;
        foreach (var recipient in ReportedNumber.Candidates(report.Recipient, region))
        {
            if (await _index.FindLatestAsync(recipient, report.MessageReference, _time.GetUtcNow() - _options.Value.MatchWindow, cancellationToken) is { } part)
            {
                return part;
            }
        }

        return null;
    }

    private static string PendingId(DeliveryReport report)
    {
        var identity = string.Join('|',
            report.Recipient,
            report.MessageReference.ToString(CultureInfo.InvariantCulture),
            report.Status.ToString(CultureInfo.InvariantCulture),
            report.DischargeTime.ToString("O", CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..32];
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Delivery report for message {MessageId} destination {Index} part {Part}: TP-ST 0x{Status:X2} → {Outcome}")]
    private static partial void LogApplied(ILogger logger, string messageId, int index, int part, int status, DeliveryOutcome outcome);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Debug, Message = "Delivery report for reference {Reference} is not final (TP-ST 0x{Status:X2}, {Meaning}); waiting for the final one")]
    private static partial void LogNotFinal(ILogger logger, int reference, int status, string meaning);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Debug, Message = "Delivery report for reference {Reference} to {Recipient} parked ({Outcome}); trying again shortly")]
    private static partial void LogParked(ILogger logger, int reference, string recipient, DeliveryOutcome outcome);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Delivery report for reference {Reference} to {Recipient} (TP-ST 0x{Status:X2}) matches no sent part; ignored")]
    private static partial void LogUnknownReference(ILogger logger, int reference, string recipient, int status);
}
