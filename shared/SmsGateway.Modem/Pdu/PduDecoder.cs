namespace SmsGateway.Modem.Pdu;

/// <summary>
/// Decodes SMS PDUs in hex (3GPP TS 23.040): SMS-DELIVER (TP-MTI 00), SMS-SUBMIT (01) and SMS-STATUS-REPORT (10).
/// Input comes from a modem or the air, so anything malformed ends in a <see cref="PduFormatException"/> and nothing else.
/// </summary>
public static class PduDecoder
{
    /// <summary>Decodes <paramref name="hex"/>; <paramref name="includesSmsc"/> says whether it starts with the SMSC part (as +CMT/+CMGR/+CDS do).</summary>
    /// <remarks>Octets after the last field are ignored, as are the optional parameters of a status report.</remarks>
    /// <exception cref="PduFormatException">The input is not a well-formed PDU of a supported type.</exception>
    public static SmsPdu Decode(string hex, bool includesSmsc = true)
    {
        try
        {
            var reader = new PduReader(PduReader.ParseHex(hex));
            var smsc = includesSmsc ? AddressCodec.ReadSmsc(reader) : null;
            var firstOctet = reader.ReadByte("first octet");
            SmsPdu pdu = (firstOctet & 0x03) switch
            {
                0x00 => ReadDeliver(reader, firstOctet),
                0x01 => ReadSubmit(reader, firstOctet),
                0x02 => ReadStatusReport(reader),
                _ => throw new PduFormatException($"TP-MTI 11 in first octet 0x{firstOctet:X2} is reserved."),
            };
            return pdu with { SmscAddress = smsc };
        }
        catch (Exception ex) when (ex is not PduFormatException)
        {
            // Last line of defence for the contract; the fuzz test checks it is never reached.
            throw new PduFormatException($"Malformed PDU: {ex.Message}", ex);
        }
    }

    /// <summary>Like <see cref="Decode"/>, but reports a malformed PDU through <paramref name="error"/> instead of throwing.</summary>
    public static bool TryDecode(string hex, bool includesSmsc, out SmsPdu? pdu, out string? error)
    {
        try
        {
            pdu = Decode(hex, includesSmsc);
            error = null;
            return true;
        }
        catch (PduFormatException ex)
        {
            pdu = null;
            error = ex.Message;
            return false;
        }
    }

    /// <summary>
    /// Decodes a PDU as <c>+CMGR</c>, <c>+CMGL</c>, <c>+CMT</c> or <c>+CDS</c> show it, with the TPDU length their header
    /// gave (null when none). The length counts the TPDU only, so a PDU of exactly that length has no SMSC part and any
    /// other has one; headers that count wrongly exist (gammu's corpus has them), so the other reading is tried when the
    /// first fails, and the first one's reason is given when both do.
    /// </summary>
    public static bool TryDecodeStored(string hex, int? tpduLength, out SmsPdu? pdu, out string? error)
    {
        var includesSmsc = tpduLength is null || (hex.Trim().Length / 2) != tpduLength;
        if (TryDecode(hex, includesSmsc, out pdu, out error))
        {
            return true;
        }

        var first = error;
        if (TryDecode(hex, !includesSmsc, out pdu, out _))
        {
            error = null;
            return true;
        }

        error = first;
        return false;
    }

    private static DeliverPdu ReadDeliver(PduReader reader, byte firstOctet)
    {
        var (sender, senderType) = AddressCodec.Read(reader, "TP-OA");
        var protocolId = reader.ReadByte("TP-PID");
        var dcs = reader.ReadByte("TP-DCS");
        var timestamp = TimestampCodec.Read(reader, "TP-SCTS");
        var (coding, messageClass) = DcsCodec.Decode(dcs);
        var content = UserDataCodec.Read(reader, coding, hasHeader: (firstOctet & 0x40) != 0);
        return new DeliverPdu
        {
            Sender = sender,
            SenderType = senderType,
            ServiceCentreTimestamp = timestamp,
            Coding = coding,
            Text = content.Text,
            Data = content.Data,
            Concat = content.Concat,
            ProtocolId = protocolId,
            DataCodingScheme = dcs,
            MessageClass = messageClass,
            MoreMessagesToSend = (firstOctet & 0x04) == 0,
            StatusReportIndication = (firstOctet & 0x20) != 0,
            Truncated = content.Truncated,
        };
    }

    private static SubmitMessage ReadSubmit(PduReader reader, byte firstOctet)
    {
        var messageReference = reader.ReadByte("TP-MR");
        var (recipient, recipientType) = AddressCodec.Read(reader, "TP-DA");
        var protocolId = reader.ReadByte("TP-PID");
        var dcs = reader.ReadByte("TP-DCS");
        TimeSpan? relative = null;
        DateTimeOffset? absolute = null;
        switch ((firstOctet >> 3) & 0x03)
        {
            case 0x02:
                relative = ValidityPeriodCodec.FromRelative(reader.ReadByte("TP-VP"));
                break;
            case 0x03:
                absolute = TimestampCodec.Read(reader, "TP-VP");
                break;
            case 0x01:
                reader.ReadBytes(7, "TP-VP (enhanced)");
                break;
        }

        var (coding, _) = DcsCodec.Decode(dcs);
        var content = UserDataCodec.Read(reader, coding, hasHeader: (firstOctet & 0x40) != 0);
        return new SubmitMessage
        {
            Recipient = recipient,
            RecipientType = recipientType,
            MessageReference = messageReference,
            Coding = coding,
            Text = content.Text,
            Data = content.Data,
            Concat = content.Concat,
            StatusReportRequested = (firstOctet & 0x20) != 0,
            ValidityPeriod = relative,
            ValidityEnd = absolute,
            ProtocolId = protocolId,
            DataCodingScheme = dcs,
        };
    }

    // TP-PI and the optional fields after TP-ST carry nothing the gateway uses, so they are not read.
    private static StatusReportPdu ReadStatusReport(PduReader reader)
    {
        var messageReference = reader.ReadByte("TP-MR");
        var (recipient, recipientType) = AddressCodec.Read(reader, "TP-RA");
        var timestamp = TimestampCodec.Read(reader, "TP-SCTS");
        var dischargeTime = TimestampCodec.Read(reader, "TP-DT");
        var status = reader.ReadByte("TP-ST");
        return new StatusReportPdu
        {
            MessageReference = messageReference,
            Recipient = recipient,
            RecipientType = recipientType,
            ServiceCentreTimestamp = timestamp,
            DischargeTime = dischargeTime,
            Status = status,
        };
    }
}
