namespace SmsGateway.Modem.Pdu;

/// <summary>The character set of TP-User-Data, from the data coding scheme (3GPP TS 23.038 §4).</summary>
public enum SmsDataCoding
{
    /// <summary>GSM 7-bit default alphabet, septets packed into octets.</summary>
    Gsm7,

    /// <summary>8-bit binary data (also used for compressed text, which is not decoded).</summary>
    EightBit,

    /// <summary>UCS-2, big endian.</summary>
    Ucs2,
}
