using SmsGateway.Core.Modem;

namespace SmsGateway.Core.Sending.Worker;

public abstract partial record SendOutcome
{
    /// <summary>The send failed; the failure's kind decides retry, dead letter or unknown outcome.</summary>
    public sealed record Failed(SmsSendException Failure) : SendOutcome;
}
