using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmsGateway.Core.Modem;
using SmsGateway.Core.Options;

namespace SmsGateway.Modem.Driver;

public static class GsmModemServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="GsmModem"/> as the <see cref="ISmsModem"/> and as a hosted service, with
    /// <see cref="ModemOptions"/> bound to section <c>Modem</c> and validated at start. The host registers its connection
    /// (<see cref="Serial.SerialPortServiceCollectionExtensions.AddSerialModemPort"/> or
    /// <see cref="Simulator.SimulatorServiceCollectionExtensions.AddModemSimulator"/>), the <see cref="IInboundSmsSink"/>
    /// and the <see cref="IDeliveryReportSink"/>.
    /// </summary>
    public static IServiceCollection AddGsmModem(this IServiceCollection services)
    {
        services.AddValidatedOptions<ModemOptions>(ModemOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<GsmModem>();
        services.AddSingleton<ISmsModem>(sp => sp.GetRequiredService<GsmModem>());
        services.AddHostedService(sp => sp.GetRequiredService<GsmModem>());
        return services;
    }
}
