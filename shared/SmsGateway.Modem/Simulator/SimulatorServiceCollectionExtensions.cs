using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmsGateway.Core.Options;
using SmsGateway.Modem.Driver;

namespace SmsGateway.Modem.Simulator;

public static class SimulatorServiceCollectionExtensions
{
    /// <summary>
    /// Makes the in-process <see cref="SimulatedModem"/> the modem: <see cref="SimulatorOptions"/> bound to
    /// <c>Modem:Simulator</c> and validated at start, the modem as a singleton (for inbound injection), and a
    /// <see cref="SimulatorConnectionFactory"/> as the <see cref="IModemConnectionFactory"/>.
    /// The connection for <see cref="GsmModemServiceCollectionExtensions.AddGsmModem"/> when <c>Modem:Port</c> is <c>simulator</c>.
    /// </summary>
    public static IServiceCollection AddModemSimulator(this IServiceCollection services)
    {
        services.AddValidatedOptions<SimulatorOptions>(SimulatorOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SimulatedModem(
            sp.GetRequiredService<IOptions<SimulatorOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<SimulatedModem>>()));
        services.TryAddSingleton<SimulatorConnectionFactory>();
        // TryAdd: a host may put its own connection in front of the simulator (a cable that can be pulled, in tests).
        services.TryAddSingleton<IModemConnectionFactory>(sp => sp.GetRequiredService<SimulatorConnectionFactory>());
        return services;
    }
}
