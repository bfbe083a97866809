namespace SmsGateway.Core.Text;

/// <summary>The alphabet an SMS text is sent in (3GPP TS 23.038).</summary>
public enum SmsEncoding
{
    /// <summary>GSM 7-bit default alphabet with its default extension table.</summary>
    Gsm7,

    /// <summary>UCS-2 (UTF-16 code units, big endian on the air).</summary>
    Ucs2,
}
