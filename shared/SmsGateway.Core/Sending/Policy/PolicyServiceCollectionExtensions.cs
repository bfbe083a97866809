using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmsGateway.Core.Options;

namespace SmsGateway.Core.Sending.Policy;

public static class PolicyServiceCollectionExtensions
{
    /// <summary>Registers the destination policy and its settings (section <c>Sms</c>), validated at start.</summary>
    public static IServiceCollection AddDestinationPolicy(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<DestinationPolicyOptions, DestinationPolicyOptionsValidator>(DestinationPolicyOptions.SectionName);
        services.TryAddSingleton<DestinationPolicy>();
        return services;
    }
}
