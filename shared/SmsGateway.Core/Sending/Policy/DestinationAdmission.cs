namespace SmsGateway.Core.Sending.Policy;

/// <summary>
/// What <see cref="DestinationPolicy.AdmitAsync"/> answered: <see cref="Refused"/> (a number had its share), or
/// <see cref="Admitted"/> with the share held for this request until intake knows whether it stored it. Only a stored
/// request is charged: intake commits after storing and releases when it replays or refuses after all.
/// </summary>
public abstract partial class DestinationAdmission
{
    private protected DestinationAdmission()
    {
    }
}
