namespace SmsGateway.Modem.Pdu;

/// <summary>TP-DCS, SMS data coding scheme (TS 23.038 §4).</summary>
internal static class DcsCodec
{
    public static byte Encode(SmsDataCoding coding, int? messageClass)
    {
        var alphabet = coding switch
        {
            SmsDataCoding.EightBit => 0x04,
            SmsDataCoding.Ucs2 => 0x08,
            _ => 0x00,
        };
        if (messageClass is null)
        {
            return (byte)alphabet;
        }

        if (messageClass is < 0 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(messageClass), messageClass, "Message class must be 0-3.");
        }

        return (byte)(0x10 | alphabet | messageClass.Value);
    }

    /// <summary>Reads alphabet and message class; reserved groups mean GSM-7, as TS 23.038 tells a receiver to assume.</summary>
    public static (SmsDataCoding Coding, int? MessageClass) Decode(byte dcs)
    {
        switch (dcs >> 4)
        {
            case <= 0x07:
                // General data coding (00xx) and automatic deletion (01xx): bit 5 compressed, bit 4 class present, bits 3-2 alphabet.
                int? messageClass = (dcs & 0x10) != 0 ? dcs & 0x03 : null;
                if ((dcs & 0x20) != 0)
                {
                    // Compressed text is not something we can show; hand it over as data.
                    return (SmsDataCoding.EightBit, messageClass);
                }

                var coding = ((dcs >> 2) & 0x03) switch
                {
                    0x01 => SmsDataCoding.EightBit,
                    0x02 => SmsDataCoding.Ucs2,
                    _ => SmsDataCoding.Gsm7,
                };
                return (coding, messageClass);
            case 0x0E:
                // Message waiting indication group, UCS-2 text.
                return (SmsDataCoding.Ucs2, null);
            case 0x0F:
                // Data coding / message class: bit 2 selects 8-bit, bits 1-0 the class.
                return ((dcs & 0x04) != 0 ? SmsDataCoding.EightBit : SmsDataCoding.Gsm7, dcs & 0x03);
            default:
                // Reserved groups 1000-1011 and message waiting 1100/1101: GSM-7.
                return (SmsDataCoding.Gsm7, null);
        }
    }
}
