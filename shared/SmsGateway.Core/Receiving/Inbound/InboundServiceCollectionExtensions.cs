using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmsGateway.Core.Sending.DeliveryReports;
using SmsGateway.Core.Modem;
using SmsGateway.Core.Options;
using SmsGateway.Core.Sending.Records;

namespace SmsGateway.Core.Receiving.Inbound;

public static class InboundServiceCollectionExtensions
{
    /// <summary>
    /// Registers what receives from the modem: reassembly of inbound SMS, delivery reports, the
    /// <see cref="IInboundSmsSink"/> and <see cref="IDeliveryReportSink"/> and their background services. The host registers the stores
    /// (<see cref="IInboundStore"/>, <see cref="IPartReferenceIndex"/>, <see cref="IPendingDeliveryReportStore"/>)
    /// and any <see cref="IInboundMessageListener"/>.
    /// </summary>
    public static IServiceCollection AddInboundProcessing(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<InboundOptions>(InboundOptions.SectionName);
        services.AddValidatedOptions<DeliveryReportOptions>(DeliveryReportOptions.SectionName);
        services.TryAddSingleton<MessageUpdater>();
        services.AddSingleton<InboundAssembler>();
        services.AddSingleton<DeliveryReportProcessor>();
        services.AddSingleton<IInboundSmsSink>(sp => sp.GetRequiredService<InboundAssembler>());
        services.AddSingleton<IDeliveryReportSink>(sp => sp.GetRequiredService<DeliveryReportProcessor>());
        services.AddHostedService<InboundReassemblyService>();
        services.AddHostedService<DeliveryReportRetryService>();
        return services;
    }
}
