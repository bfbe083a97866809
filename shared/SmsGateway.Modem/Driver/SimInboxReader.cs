using Microsoft.Extensions.Logging;
using SmsGateway.Core.Modem;
using SmsGateway.Core.Phone;
using SmsGateway.Modem.At;
using SmsGateway.Modem.Pdu;

namespace SmsGateway.Modem.Driver;

/// <summary>
/// Hands received SMS to the inbound sink and status reports to the report sink. A message is deleted from the modem
/// only after its sink returned, so a crash or a failing store leaves it for the next sweep; the sinks tolerate duplicates.
/// A status report's recipient in national format is read in the SIM's home country (<paramref name="imsi"/> gives it,
/// as it gives the country allow-list its default), so that it matches the E.164 number the part was sent to.
/// </summary>
internal sealed class SimInboxReader(IInboundSmsSink inbound, IDeliveryReportSink reports, Func<string?> imsi, TimeProvider timeProvider, ILogger logger)
{
    // The sweep and the notifications may name the same index: one at a time, so it is not handled twice at once.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task HandleUrcAsync(ModemSession session, AtUrc urc, CancellationToken cancellationToken)
    {
        switch (urc.Name.ToUpperInvariant())
        {
            case "+CMTI" or "+CDSI" when AtValueParser.StorageIndex(urc.Value) is { } index:
                await ReadStoredAsync(session, index, cancellationToken);
                break;
            case "+CMT" or "+CDS" when urc.Body is { } pdu:
                // Routed straight to us, not stored: acknowledge once handed over (needed when +CSMS=1).
                var length = AtValueParser.Int(AtValueParser.Fields(urc.Value), AtValueParser.Fields(urc.Value).Count - 1);
                if (await HandOverAsync(pdu, length, cancellationToken) != HandOverResult.SinkFailed)
                {
                    await session.TryExecuteAsync("AT+CNMA", cancellationToken);
                }

                break;
        }
    }

    /// <summary>Lists every stored message (<c>AT+CMGL=4</c>) and handles each received one; false when the modem refused the list.</summary>
    public async Task<bool> SweepAsync(ModemSession session, CancellationToken cancellationToken)
    {
        var listing = await session.TryExecuteAsync("AT+CMGL=4", cancellationToken);
        if (listing is null)
        {
            return false;
        }

        var stored = StoredSms.ParseList(listing.Lines);
        GsmModemLog.Swept(logger, stored.Count);
        foreach (var sms in stored)
        {
            await HandleStoredAsync(session, sms, cancellationToken);
        }

        return true;
    }

    private async Task ReadStoredAsync(ModemSession session, int index, CancellationToken cancellationToken)
    {
        var response = await session.TryExecuteAsync($"AT+CMGR={index}", cancellationToken);
        if (response is not null && StoredSms.ParseRead(index, response.Lines) is { } sms)
        {
            await HandleStoredAsync(session, sms, cancellationToken);
        }
    }

    private async Task HandleStoredAsync(ModemSession session, StoredSms sms, CancellationToken cancellationToken)
    {
        if (sms.IsOutgoing)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (await HandOverAsync(sms.Pdu, sms.TpduLength, cancellationToken) != HandOverResult.Stored)
            {
                return;
            }

            if (await session.TryExecuteAsync($"AT+CMGD={sms.Index}", cancellationToken) is null)
            {
                GsmModemLog.DeleteFailed(logger, sms.Index);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<HandOverResult> HandOverAsync(string pdu, int? tpduLength, CancellationToken cancellationToken)
    {
        try
        {
            if (!PduDecoder.TryDecodeStored(pdu, tpduLength, out var decoded, out var error))
            {
                // Handed over anyway, so that nothing is lost silently and the SIM does not fill up.
                GsmModemLog.Undecodable(logger, error ?? "unknown");
                GsmModemLog.UndecodablePdu(logger, pdu);
                await inbound.StoreInboundAsync(new InboundSmsPart("unknown", timeProvider.GetUtcNow(), string.Empty, null, pdu), cancellationToken);
                return HandOverResult.Stored;
            }

            switch (decoded)
            {
                case DeliverPdu deliver:
                    var concat = deliver.Concat is { } c ? new ConcatPart(c.Reference, c.PartNumber, c.PartCount) : null;
                    GsmModemLog.Received(logger, PhoneMask.Mask(deliver.Sender), concat?.PartNumber ?? 1, concat?.PartCount ?? 1);
                    if (deliver.Truncated)
                    {
                        GsmModemLog.Truncated(logger, PhoneMask.Mask(deliver.Sender));
                    }

                    await inbound.StoreInboundAsync(new InboundSmsPart(deliver.Sender, deliver.ServiceCentreTimestamp, deliver.Text ?? string.Empty, concat, pdu, deliver.Truncated), cancellationToken);
                    return HandOverResult.Stored;
                case StatusReportPdu report:
                    GsmModemLog.StatusReport(logger, report.MessageReference, report.Status);
                    await reports.ApplyDeliveryReportAsync(
                        new DeliveryReport(ReportedNumber.InRegion(report.Recipient, HomeRegion()), report.MessageReference, report.IsDelivered, report.IsFinal, report.Status, report.DischargeTime),
                        cancellationToken);
                    return HandOverResult.Stored;
                default:
                    // An SMS-SUBMIT in the inbox is a draft someone stored, not something received.
                    return HandOverResult.Ignored;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            GsmModemLog.SinkFailed(logger, ex);
            return HandOverResult.SinkFailed;
        }
    }

    private string? HomeRegion() => CountryCodes.TryGetHomeCountry(imsi(), out _, out var region) ? region : null;

    private enum HandOverResult
    {
        Stored,
        Ignored,
        SinkFailed,
    }
}
