namespace SmsGateway.Modem.Pdu;

/// <summary>The type of number of an SMS address (TS 23.040 §9.1.2.5), as far as the gateway cares.</summary>
public enum SmsAddressType
{
    /// <summary>TON 0 or any type the gateway does not distinguish (network specific, subscriber, abbreviated); digits as given.</summary>
    Unknown,

    /// <summary>TON 1: written as E.164 with a leading <c>+</c>.</summary>
    International,

    /// <summary>TON 2: the national digits, no <c>+</c>.</summary>
    National,

    /// <summary>TON 5: a sender name in the GSM 7-bit alphabet (at most 11 characters).</summary>
    Alphanumeric,
}
