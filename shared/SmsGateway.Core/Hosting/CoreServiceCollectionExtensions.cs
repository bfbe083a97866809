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
        services.AddSingleton<MessageUpdater>();
        return services;
    }

    /// <summary>Registers the outbound worker (the host that owns a modem) and queue recovery.</summary>
    public static IServiceCollection AddOutboundWorker(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<OutboundOptions>(OutboundOptions.SectionName);
        services.AddGatewayMetrics();
        services.AddSingleton<MessageUpdater>();
        services.AddSingleton<ModemCircuit>();
        services.AddSingleton<OutboundProcessor>();
        services.AddSingleton<DeadLetterService>();
        services.AddHostedService<OutboundWorker>();
        services.AddHostedService<QueueRecoveryService>();
        return services;
    }
}
