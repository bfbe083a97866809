using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmsGateway.Core.Options;
using SmsGateway.Modem.Driver;

namespace SmsGateway.Modem.Serial;

public static class SerialPortServiceCollectionExtensions
{
    /// <summary>
    /// Makes the serial port named by <c>Modem:Port</c> (at <c>Modem:BaudRate</c>, validated at start) the modem's
    /// connection, for <see cref="GsmModemServiceCollectionExtensions.AddGsmModem"/>. The other connection is the simulator's.
    /// </summary>
    public static IServiceCollection AddSerialModemPort(this IServiceCollection services)
    {
        services.AddValidatedOptions<ModemOptions>(ModemOptions.SectionName);
        services.AddSingleton<IModemConnectionFactory>(sp => new SerialPortStreamFactory(sp.GetRequiredService<IOptions<ModemOptions>>().Value));
        return services;
    }
}
