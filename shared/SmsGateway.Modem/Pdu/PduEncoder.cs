using SmsGateway.Core.Text;

namespace SmsGateway.Modem.Pdu;

/// <summary>
/// Builds SMS PDUs (3GPP TS 23.040): SMS-SUBMIT for the gateway to send, SMS-DELIVER and SMS-STATUS-REPORT
/// for the modem simulator to inject. Arguments that cannot be encoded raise <see cref="ArgumentException"/>.
/// </summary>
public static class PduEncoder
{
    private const int MaxParts = 255;

    // 8-bit data per part once the 6-octet concatenation header (IEI 0x00) is in.
    private const int EightBitMultipartOctets = UserDataCodec.MaxOctets - 6;

    /// <summary>
    /// Encodes <paramref name="text"/> to <paramref name="to"/> (<c>+E.164</c>, or digits sent as dialled), cut into parts
    /// exactly as <see cref="SmsTextAnalyzer.Split(string)"/> does so the count matches what the API reported.
    /// </summary>
    public static IReadOnlyList<SubmitPdu> EncodeSubmit(string to, string text, SubmitOptions? options = null)
    {
        options ??= new SubmitOptions();
        if (options.BinaryData is { } data)
        {
            return EncodeSubmit(to, data, options);
        }

        var coding = TextCoding(text, options.ForceCoding);
        var parts = coding == SmsDataCoding.Gsm7 || text.Length <= SmsTextAnalyzer.Ucs2SingleUnits
            ? SmsTextAnalyzer.Split(text)
            : SmsTextAnalyzer.Split(text, SmsEncoding.Ucs2, SmsTextAnalyzer.Ucs2MultipartUnits);
        return EncodeSubmitParts(to, coding, parts.Select(part => Payload(part, coding)).ToList(), options);
    }

    /// <summary>Encodes 8-bit <paramref name="data"/>: one part up to 140 octets, else parts of 134.</summary>
    public static IReadOnlyList<SubmitPdu> EncodeSubmit(string to, byte[] data, SubmitOptions? options = null)
    {
        options ??= new SubmitOptions();
        var parts = data.Length <= UserDataCodec.MaxOctets ? [data] : data.Chunk(EightBitMultipartOctets).ToList();
        return EncodeSubmitParts(to, SmsDataCoding.EightBit, parts, options);
    }

    /// <summary>
    /// Encodes one SMS-DELIVER with the SMSC part in front, as a modem shows it in +CMT/+CMGR.
    /// The text must fit one PDU (with the header of <see cref="DeliverOptions.Concat"/> if given);
    /// use <see cref="EncodeDeliverParts"/> for longer texts.
    /// </summary>
    public static string EncodeDeliver(string sender, string text, DateTimeOffset serviceCentreTimestamp, DeliverOptions? options = null)
    {
        options ??= new DeliverOptions();
        var coding = TextCoding(text, options.ForceCoding);
        return EncodeDeliver(sender, coding, Payload(text, coding), serviceCentreTimestamp, options);
    }

    /// <summary>Encodes one SMS-DELIVER carrying 8-bit <paramref name="data"/> (at most 140 octets including any header).</summary>
    public static string EncodeDeliver(string sender, byte[] data, DateTimeOffset serviceCentreTimestamp, DeliverOptions? options = null) =>
        EncodeDeliver(sender, SmsDataCoding.EightBit, data, serviceCentreTimestamp, options ?? new DeliverOptions());

    /// <summary>
    /// Encodes <paramref name="text"/> as as many SMS-DELIVER PDUs as needed, with an 8-bit (IEI 0x00) or
    /// 16-bit (IEI 0x08) concatenation reference; a text that fits one message gets no header.
    /// </summary>
    public static IReadOnlyList<string> EncodeDeliverParts(
        string sender,
        string text,
        DateTimeOffset serviceCentreTimestamp,
        int reference,
        bool use16BitReference = false,
        DeliverOptions? options = null)
    {
        options ??= new DeliverOptions();
        var coding = TextCoding(text, options.ForceCoding);
        var encoding = coding == SmsDataCoding.Gsm7 ? SmsEncoding.Gsm7 : SmsEncoding.Ucs2;
        var units = coding == SmsDataCoding.Gsm7 ? Payload(text, coding).Length : text.Length;
        var single = coding == SmsDataCoding.Gsm7 ? SmsTextAnalyzer.Gsm7SingleUnits : SmsTextAnalyzer.Ucs2SingleUnits;
        if (units <= single)
        {
            return [EncodeDeliver(sender, text, serviceCentreTimestamp, options with { Concat = null })];
        }

        // The 16-bit reference costs one more header octet: a septet (GSM-7) or a character (UCS-2) per part.
        var perPart = (coding == SmsDataCoding.Gsm7 ? SmsTextAnalyzer.Gsm7MultipartUnits : SmsTextAnalyzer.Ucs2MultipartUnits)
            - (use16BitReference ? 1 : 0);
        var parts = SmsTextAnalyzer.Split(text, encoding, perPart);
        RequirePartCount(parts.Count);
        return parts
            .Select((part, i) => EncodeDeliver(sender, part, serviceCentreTimestamp, options with
            {
                ForceCoding = coding,
                Concat = new ConcatInfo(reference, i + 1, parts.Count, use16BitReference),
            }))
            .ToList();
    }

    /// <summary>Encodes an SMS-STATUS-REPORT (TP-SRQ 0, no optional parameters) with the SMSC part in front, as in +CDS.</summary>
    public static string EncodeStatusReport(
        int messageReference,
        string recipient,
        DateTimeOffset serviceCentreTimestamp,
        DateTimeOffset dischargeTime,
        byte status,
        string? smscAddress = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(messageReference);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(messageReference, 255);
        var pdu = new List<byte>();
        AddressCodec.WriteSmsc(pdu, smscAddress);
        pdu.Add(0x06); // TP-MTI 10, TP-MMS 1 (no more messages)
        pdu.Add((byte)messageReference);
        AddressCodec.Write(pdu, recipient, null, nameof(recipient), allowAlphanumeric: false);
        TimestampCodec.Write(pdu, serviceCentreTimestamp, nameof(serviceCentreTimestamp));
        TimestampCodec.Write(pdu, dischargeTime, nameof(dischargeTime));
        pdu.Add(status);
        return Convert.ToHexString(pdu.ToArray());
    }

    private static List<SubmitPdu> EncodeSubmitParts(string to, SmsDataCoding coding, IReadOnlyList<byte[]> payloads, SubmitOptions options)
    {
        RequirePartCount(payloads.Count);
        var result = new List<SubmitPdu>(payloads.Count);
        for (var i = 0; i < payloads.Count; i++)
        {
            var concat = payloads.Count > 1 ? new ConcatInfo(options.ConcatReference, i + 1, payloads.Count, Is16Bit: false) : null;
            var tpdu = new List<byte>(160);
            tpdu.Add((byte)(0x01 // TP-MTI 01 SMS-SUBMIT
                | (options.ValidityPeriod is null ? 0 : 0x10) // TP-VPF relative
                | (options.RequestStatusReport ? 0x20 : 0)
                | (concat is null ? 0 : 0x40)));
            tpdu.Add(0x00); // TP-MR: the modem assigns it and returns it in +CMGS.
            AddressCodec.Write(tpdu, to, null, nameof(to), allowAlphanumeric: false);
            tpdu.Add(0x00); // TP-PID
            tpdu.Add(DcsCodec.Encode(coding, messageClass: null));
            if (options.ValidityPeriod is { } validity)
            {
                tpdu.Add(ValidityPeriodCodec.ToRelative(validity));
            }

            UserDataCodec.Write(tpdu, coding, payloads[i], concat);
            result.Add(new SubmitPdu("00" + Convert.ToHexString(tpdu.ToArray()), tpdu.Count, i + 1, payloads.Count));
        }

        return result;
    }

    private static string EncodeDeliver(
        string sender, SmsDataCoding coding, byte[] payload, DateTimeOffset serviceCentreTimestamp, DeliverOptions options)
    {
        var pdu = new List<byte>(176);
        AddressCodec.WriteSmsc(pdu, options.SmscAddress);
        pdu.Add((byte)(0x00 // TP-MTI 00 SMS-DELIVER
            | (options.MoreMessagesToSend ? 0 : 0x04) // TP-MMS is set when nothing more waits
            | (options.StatusReportIndication ? 0x20 : 0)
            | (options.Concat is null ? 0 : 0x40)));
        AddressCodec.Write(pdu, sender, options.SenderType, nameof(sender), allowAlphanumeric: true);
        pdu.Add(options.ProtocolId);
        pdu.Add(DcsCodec.Encode(coding, options.MessageClass));
        TimestampCodec.Write(pdu, serviceCentreTimestamp, nameof(serviceCentreTimestamp));
        UserDataCodec.Write(pdu, coding, payload, options.Concat);
        return Convert.ToHexString(pdu.ToArray());
    }

    private static SmsDataCoding TextCoding(string text, SmsDataCoding? forced) => forced switch
    {
        null => Gsm7Alphabet.IsGsm7(text) ? SmsDataCoding.Gsm7 : SmsDataCoding.Ucs2,
        SmsDataCoding.EightBit => throw new ArgumentException("8-bit coding needs binary data, not text.", "options"),
        SmsDataCoding.Gsm7 when !Gsm7Alphabet.IsGsm7(text) =>
            throw new ArgumentException("Text has characters outside the GSM 7-bit alphabet.", nameof(text)),
        _ => forced.Value,
    };

    private static byte[] Payload(string text, SmsDataCoding coding)
    {
        if (coding != SmsDataCoding.Gsm7)
        {
            return Ucs2.Encode(text);
        }

        Gsm7Alphabet.TryEncode(text, out var septets);
        return septets;
    }

    private static void RequirePartCount(int parts)
    {
        if (parts > MaxParts)
        {
            throw new ArgumentException($"Message needs {parts} parts; at most {MaxParts} can be concatenated.");
        }
    }
}
