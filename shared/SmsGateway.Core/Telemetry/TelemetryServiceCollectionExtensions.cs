using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmsGateway.Core.Sending.Records;

namespace SmsGateway.Core.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>Registers the <c>SmsGateway</c> metrics and the status listener that counts sends; every host that accepts messages needs these.</summary>
    public static IServiceCollection AddGatewayMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GatewayMetrics>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDestinationStatusListener, MetricsStatusListener>());
        return services;
    }

    /// <summary>Adds the queue and modem gauges: for the host that owns the queue and the modem.</summary>
    public static IServiceCollection AddOutboundGauges(this IServiceCollection services)
    {
        services.AddGatewayMetrics();
        services.AddHostedService<OutboundGauges>();
        return services;
    }
}
