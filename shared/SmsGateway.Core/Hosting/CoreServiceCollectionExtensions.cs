using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmsGateway.Core.Sending.DeadLetters;
using SmsGateway.Core.Sending.Intake;
using SmsGateway.Core.Options;
using SmsGateway.Core.Sending.Worker;
using SmsGateway.Core.Sending.Policy;
using SmsGateway.Core.Sending.Records;
using SmsGateway.Core.Telemetry;

namespace SmsGateway.Core.Hosting;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Registers intake and its options; every host that accepts messages needs these.</summary>
    public static IServiceCollection AddMessageIntake(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<SmsOptions>(SmsOptions.SectionName);
        services.AddDestinationPolicy();
        services.AddGatewayMetrics();
        services.AddSingleton<MessageIntake>();
        services.TryAddSingleton<MessageUpdater>();
        return services;
    }

    /// <summary>Registers the outbound worker: the host that owns a modem works its queue.</summary>
    public static IServiceCollection AddOutboundWorker(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<OutboundOptions>(OutboundOptions.SectionName);
        services.AddGatewayMetrics();
        services.TryAddSingleton<MessageUpdater>();
        services.AddSingleton<ModemCircuit>();
        services.AddSingleton<OutboundProcessor>();
        services.AddSingleton<DeadLetterService>();
        services.AddHostedService<OutboundWorker>();
        return services;
    }

    /// <summary>
    /// Registers queue recovery: re-publishes what the message store has waiting but the queue lost. Only for a host
    /// whose store is the queue's owner (standalone): the cloud agent's records are a log of
    /// what it handled, and re-publishing from them would put items on the shared topic.
    /// </summary>
    public static IServiceCollection AddQueueRecovery(this IServiceCollection services)
    {
        services.AddHostedService<QueueRecoveryService>();
        return services;
    }
}
