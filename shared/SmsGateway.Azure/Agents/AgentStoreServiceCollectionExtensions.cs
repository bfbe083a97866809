using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmsGateway.Core.CloudProtocol;

namespace SmsGateway.Azure.Agents;

public static class AgentStoreServiceCollectionExtensions
{
    /// <summary>Registers the agent registry and the event ledger on Table storage; needs <c>AddAzureTableStore</c>.</summary>
    public static IServiceCollection AddAzureAgentStores(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAgentRegistry, TableAgentRegistry>();
        services.TryAddSingleton<IEventLedger, TableEventLedger>();
        return services;
    }
}
