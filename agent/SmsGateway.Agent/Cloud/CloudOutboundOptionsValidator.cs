using Microsoft.Extensions.Options;
using SmsGateway.Azure.ServiceBus;
using SmsGateway.Core.Options;

namespace SmsGateway.Agent.Cloud;

/// <summary>
/// In cloud mode the lock is the Service Bus subscription's (at most five minutes), so a longer
/// <c>Outbound:LockDuration</c> would promise a lock the agent does not hold. A send must end while the item is
/// still locked: within the renewal time when the lock is renewed (<c>ServiceBus:MaxLockRenewal</c>), else within
/// the lock itself.
/// </summary>
public sealed class CloudOutboundOptionsValidator(IOptions<ServiceBusQueueOptions> serviceBus) : IValidateOptions<OutboundOptions>
{
    public static readonly TimeSpan MaxServiceBusLock = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, OutboundOptions options)
    {
        var failures = new List<string>();
        if (options.LockDuration > MaxServiceBusLock)
        {
            failures.Add($"{OutboundOptions.SectionName}:LockDuration is invalid ('{options.LockDuration}'): in cloud mode at most {MaxServiceBusLock} (the Service Bus maximum); keep it at or below the subscription's lock duration");
        }

        var renewal = serviceBus.Value.MaxLockRenewal;
        if (renewal > TimeSpan.Zero && options.SendTimeout >= renewal)
        {
            failures.Add($"{OutboundOptions.SectionName}:SendTimeout is invalid ('{options.SendTimeout}'): in cloud mode it must be shorter than {ServiceBusQueueOptions.SectionName}:MaxLockRenewal ('{renewal}') so a send ends while the lock is renewed");
        }
        else if (renewal <= TimeSpan.Zero && options.SendTimeout >= options.LockDuration)
        {
            failures.Add($"{OutboundOptions.SectionName}:SendTimeout is invalid ('{options.SendTimeout}'): with lock renewal off ({ServiceBusQueueOptions.SectionName}:MaxLockRenewal = 0) it must be shorter than {OutboundOptions.SectionName}:LockDuration ('{options.LockDuration}') so a send ends while the lock is held");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
