using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SmsGateway.Core.Options;

namespace SmsGateway.Core.CloudProtocol;

public static class AgentsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the cloud side of the agents: keys and options (section <c>Agents</c>, validated at start),
    /// the event service, the monitor and the watchdog. The host registers <see cref="IAgentRegistry"/>,
    /// <see cref="IEventLedger"/>, the message and inbound stores, and <c>MessageUpdater</c>.
    /// </summary>
    public static IServiceCollection AddAgentEvents(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<AgentsOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<AgentsOptions>, AgentsOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AgentsOptions>, AgentsOptionsValidator>());
        services.AddValidatedOptions<OutboundOptions>(OutboundOptions.SectionName);
        services.TryAddSingleton<AgentKeyRing>();
        services.TryAddSingleton<AgentEventService>();
        services.TryAddSingleton<AgentMonitor>();
        services.TryAddSingleton<AgentWatchdog>();
        return services;
    }
}
