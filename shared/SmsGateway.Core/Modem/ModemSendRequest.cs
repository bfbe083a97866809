namespace SmsGateway.Core.Modem;

/// <summary>One SMS to one recipient, as handed to the modem.</summary>
/// <param name="To">Recipient in E.164 form, e.g. <c>+4915112345678</c>.</param>
/// <param name="Text">The full text; the modem splits it into parts.</param>
/// <param name="RequestDeliveryReport">Ask the network for a status report (TP-SRR).</param>
public sealed record ModemSendRequest(string To, string Text, bool RequestDeliveryReport = true)
{
    /// <summary>
    /// The concatenation reference to put in every part's header, when an earlier attempt of this SMS already
    /// chose one: resent parts must carry it, or the phone cannot join them with the parts it already has.
    /// Null lets the modem choose.
    /// </summary>
    public int? ConcatReference { get; init; }

    /// <summary>
    /// How many leading parts an earlier attempt already sent and had confirmed: the send resumes after them
    /// instead of transmitting them twice.
    /// </summary>
    public int PartsAlreadySent { get; init; }
}
