namespace SmsGateway.Core.Sending.Worker;

/// <summary>
/// What the modem made of one send: <see cref="Sent"/> with its receipt or <see cref="Failed"/> with the classified
/// failure. One case per outcome, so the recorder matches on the case instead of trusting one of two nullables.
/// </summary>
public abstract partial record SendOutcome
{
    private protected SendOutcome()
    {
    }
}
