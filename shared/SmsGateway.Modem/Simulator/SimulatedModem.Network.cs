using SmsGateway.Core.Phone;
using SmsGateway.Modem.Pdu;

namespace SmsGateway.Modem.Simulator;

// The network side of the simulated modem: what arrives over the air (SMS, status reports).
public sealed partial class SimulatedModem
{
    /// <summary>Delivers an SMS from <paramref name="from"/>, in as many parts as it needs; returns the SIM indexes used.</summary>
    public IReadOnlyList<int> InjectInbound(string from, string text) =>
        InjectInbound(new SimulatedInboundSms { From = from, Text = text });

    /// <summary>Delivers a multipart SMS with its parts in <paramref name="order"/>, leaving out <paramref name="dropParts"/>.</summary>
    public IReadOnlyList<int> InjectInboundParts(
        string from,
        string text,
        IReadOnlyList<int>? order = null,
        IReadOnlyCollection<int>? dropParts = null,
        bool use16BitReference = false) =>
        InjectInbound(new SimulatedInboundSms
        {
            From = from,
            Text = text,
            Order = order,
            DropParts = dropParts,
            Use16BitReference = use16BitReference,
        });

    /// <summary>
    /// Delivers <paramref name="sms"/>: each part is stored in SIM storage and announced with <c>+CMTI</c> when
    /// <c>AT+CNMI</c> asks for it, or routed straight to the host with <c>+CMT</c> (CNMI mt=2, host connected).
    /// Returns the SIM indexes of the stored parts in arrival order.
    /// </summary>
    public IReadOnlyList<int> InjectInbound(SimulatedInboundSms sms)
    {
        var sentAt = sms.SentAt ?? TimeProvider.GetLocalNow();
        var reference = sms.Reference ?? (Interlocked.Increment(ref _concatReference) & (sms.Use16BitReference ? 0xFFFF : 0xFF));
        var options = new DeliverOptions { SmscAddress = State.SmscAddress };
        var parts = PduEncoder.EncodeDeliverParts(sms.From, sms.Text, sentAt, reference, sms.Use16BitReference, options);
        var order = sms.Order ?? Enumerable.Range(1, parts.Count).ToList();
        if (order.Any(part => part < 1 || part > parts.Count))
        {
            throw new ArgumentException($"The message has {parts.Count} part(s); the order names others.", nameof(sms));
        }

        var indexes = new List<int>();
        foreach (var part in order.Where(part => sms.DropParts?.Contains(part) != true))
        {
            if (Deliver(parts[part - 1], sms.From) is { } index)
            {
                indexes.Add(index);
            }
        }

        SimulatorLog.InboundInjected(_logger, PhoneMask.Mask(sms.From), parts.Count, string.Join(',', indexes));
        return indexes;
    }

    /// <summary>
    /// Delivers an SMS-STATUS-REPORT as <c>AT+CNMI</c> routes it: <c>+CDS</c> (ds=1), stored and announced
    /// with <c>+CDSI</c> (ds=2), or nowhere (ds=0, or nobody connected for ds=1).
    /// </summary>
    public void InjectStatusReport(int messageReference, string recipient, byte status, DateTimeOffset? submittedAt = null)
    {
        var now = TimeProvider.GetLocalNow();
        var pdu = PduEncoder.EncodeStatusReport(messageReference, recipient, submittedAt ?? now, now, status, State.SmscAddress);
        var session = Volatile.Read(ref _session);
        string routing;
        switch (State.StatusReportRouting)
        {
            case 1 when session is not null:
                session.EnqueueUrc($"+CDS: {SimulatorPdu.TpduLength(pdu)}\r\n{pdu}");
                routing = "+CDS";
                break;
            case 2 when State.Storage.Store(SimMessageStatus.ReceivedUnread, pdu) is { } index:
                session?.EnqueueUrc($"+CDSI: \"SM\",{index}");
                routing = "+CDSI";
                break;
            default:
                routing = "nowhere";
                break;
        }

        SimulatorLog.StatusReport(_logger, messageReference, status, routing);
    }

    private int? Deliver(string pdu, string from)
    {
        var session = Volatile.Read(ref _session);
        if (State.RoutesMessagesDirectly && session is not null)
        {
            session.EnqueueUrc($"+CMT: ,{SimulatorPdu.TpduLength(pdu)}\r\n{pdu}");
            return null;
        }

        if (State.Storage.Store(SimMessageStatus.ReceivedUnread, pdu) is not { } index)
        {
            SimulatorLog.StorageFull(_logger, PhoneMask.Mask(from));
            return null;
        }

        if (State.IndicatesStoredMessages)
        {
            session?.EnqueueUrc($"+CMTI: \"SM\",{index}");
        }

        return index;
    }

    private async Task ReportLaterAsync(TransmittedSms entry)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Options.DeliveryReportDelayMs), TimeProvider, _disposed.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        // 0x46: validity period expired, the typical permanent failure of an unreachable handset.
        var status = Options.DeliveryReports == SimulatedDeliveryOutcome.Delivered ? (byte)0x00 : (byte)0x46;
        InjectStatusReport(entry.MessageReference, entry.To, status, entry.Time);
    }
}
