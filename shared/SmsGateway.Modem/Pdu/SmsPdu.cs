namespace SmsGateway.Modem.Pdu;

/// <summary>A decoded SMS TPDU; see <see cref="DeliverPdu"/>, <see cref="SubmitMessage"/> and <see cref="StatusReportPdu"/>.</summary>
public abstract record SmsPdu
{
    /// <summary>Service centre address that preceded the TPDU (<c>+</c> for international), null when absent or empty.</summary>
    public string? SmscAddress { get; init; }
}
