namespace SmsGateway.Core.Sending.Policy;

public abstract partial class DestinationAdmission
{
    /// <summary>A number had its hourly share; nothing was held.</summary>
    public sealed class Refused(DestinationRefusal refusal) : DestinationAdmission
    {
        public DestinationRefusal Refusal { get; } = refusal;
    }
}
