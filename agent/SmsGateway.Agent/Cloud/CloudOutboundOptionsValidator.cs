using Microsoft.Extensions.Options;
using SmsGateway.Core.Options;

namespace SmsGateway.Agent.Cloud;

/// <summary>
/// In cloud mode the lock is the Service Bus subscription's (at most five minutes) and the adapter does not
/// renew it, so a longer <c>Outbound:LockDuration</c> would promise a lock the agent does not hold.
/// </summary>
public sealed class CloudOutboundOptionsValidator : IValidateOptions<OutboundOptions>
{
    public static readonly TimeSpan MaxServiceBusLock = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, OutboundOptions options)
    {
        var failures = new List<string>();
        if (options.LockDuration > MaxServiceBusLock)
        {
            failures.Add($"{OutboundOptions.SectionName}:LockDuration is invalid ('{options.LockDuration}'): in cloud mode at most {MaxServiceBusLock} (the Service Bus maximum); keep it at or below the subscription's lock duration");
        }

        if (options.SendTimeout >= options.LockDuration)
        {
            failures.Add($"{OutboundOptions.SectionName}:SendTimeout is invalid ('{options.SendTimeout}'): in cloud mode it must be shorter than {OutboundOptions.SectionName}:LockDuration ('{options.LockDuration}') so a send ends while the lock is held");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
