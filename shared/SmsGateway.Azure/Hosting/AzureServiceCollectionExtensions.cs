using Azure.Data.Tables;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmsGateway.Azure.ServiceBus;
using SmsGateway.Azure.Tables;
using SmsGateway.Core.Sending.DeliveryReports;
using SmsGateway.Core.Receiving.Inbound;
using SmsGateway.Core.Options;
using SmsGateway.Core.Sending.Queue;
using SmsGateway.Core.Sending.Records;

namespace SmsGateway.Azure.Hosting;

public static class AzureServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Table storage adapters (section <c>Tables</c>, validated at start): the message
    /// store, the inbound store, the part reference index and the parked delivery reports.
    /// </summary>
    public static IServiceCollection AddAzureTableStore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AzureCredentials>();
        services.AddValidatedOptions<TableStoreOptions, TableStoreOptionsValidator>(TableStoreOptions.SectionName);

        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TableStoreOptions>>().Value;
            var service = string.IsNullOrWhiteSpace(options.ConnectionString)
                ? new TableServiceClient(options.Endpoint!, sp.GetRequiredService<AzureCredentials>().For(options.ManagedIdentityClientId))
                : new TableServiceClient(options.ConnectionString);
            return new AzureTables(service, options.TablePrefix);
        });
        services.AddSingleton<IMessageStore, TableMessageStore>();
        services.AddSingleton<IInboundStore, TableInboundStore>();
        services.AddSingleton<IPartReferenceIndex, TablePartReferenceIndex>();
        services.AddSingleton<IPendingDeliveryReportStore, TablePendingDeliveryReportStore>();
        return services;
    }

    /// <summary>Registers the Service Bus outbound queue (section <c>ServiceBus</c>, validated at start) as the host's <see cref="IOutboundQueue"/>.</summary>
    public static IServiceCollection AddServiceBusQueue(this IServiceCollection services)
    {
        services.AddServiceBusOutboundQueue();
        services.AddSingleton<IOutboundQueue>(sp => sp.GetRequiredService<ServiceBusOutboundQueue>());
        return services;
    }

    /// <summary>
    /// Registers the Service Bus outbound queue under its own type only, for a host that puts something of its own in
    /// front of it as the <see cref="IOutboundQueue"/> (the cloud agent records every envelope it receives).
    /// </summary>
    public static IServiceCollection AddServiceBusOutboundQueue(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AzureCredentials>();
        services.AddValidatedOptions<ServiceBusQueueOptions, ServiceBusQueueOptionsValidator>(ServiceBusQueueOptions.SectionName);

        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ServiceBusQueueOptions>>().Value;
            return string.IsNullOrWhiteSpace(options.ConnectionString)
                ? new ServiceBusClient(options.FullyQualifiedNamespace, sp.GetRequiredService<AzureCredentials>().For(options.ManagedIdentityClientId))
                : new ServiceBusClient(options.ConnectionString);
        });
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ServiceBusQueueOptions>>().Value;
            return string.IsNullOrWhiteSpace(options.ConnectionString)
                ? new ServiceBusAdministrationClient(options.FullyQualifiedNamespace, sp.GetRequiredService<AzureCredentials>().For(options.ManagedIdentityClientId))
                : new ServiceBusAdministrationClient(options.ConnectionString);
        });
        services.TryAddSingleton<IServiceBusChannel>(sp => new ServiceBusChannel(
            sp.GetRequiredService<ServiceBusClient>(),
            sp.GetRequiredService<ServiceBusAdministrationClient>(),
            sp.GetRequiredService<IOptions<ServiceBusQueueOptions>>().Value.Topic));
        services.AddSingleton(sp => new ServiceBusOutboundQueue(
            sp.GetRequiredService<IServiceBusChannel>(),
            sp.GetRequiredService<IOptions<ServiceBusQueueOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ServiceBusOutboundQueue>>()));
        return services;
    }

}
