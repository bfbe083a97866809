using SmsGateway.Core.Modem;

namespace SmsGateway.Core.Sending.Worker;

public abstract partial record SendOutcome
{
    /// <summary>The modem accepted every remaining part; the receipt has their references.</summary>
    public sealed record Sent(SmsSendReceipt Receipt) : SendOutcome;
}
