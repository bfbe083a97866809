using SmsGateway.Agent.Api;
using SmsGateway.Core.Modem;
using SmsGateway.Modem.Driver;
using SmsGateway.Modem.Serial;
using SmsGateway.Modem.Simulator;

namespace SmsGateway.Agent.Hosting;

/// <summary>
/// Chooses the modem: the built-in simulator when <c>Modem:Port</c> is <c>simulator</c> (the default),
/// otherwise the serial port it names. Either way the gateway drives it through the real AT driver.
/// </summary>
public static class ModemRegistration
{
    public static bool UsesSimulator(IConfiguration configuration) =>
        string.Equals(configuration["Modem:Port"] ?? "simulator", "simulator", StringComparison.OrdinalIgnoreCase);

    public static WebApplicationBuilder AddGatewayModem(this WebApplicationBuilder builder)
    {
        if (builder.Services.Any(d => d.ServiceType == typeof(ISmsModem)))
        {
            // The host brought its own modem (tests, tools).
            return builder;
        }

        if (UsesSimulator(builder.Configuration))
        {
            builder.Services.AddModemSimulator();
        }
        else
        {
            builder.Services.AddSerialModemPort();
        }

        builder.Services.AddGsmModem();
        return builder;
    }

    public static IEndpointRouteBuilder MapModemEndpoints(this IEndpointRouteBuilder routes, IConfiguration configuration)
    {
        if (UsesSimulator(configuration) && routes.ServiceProvider.GetService<SimulatedModem>() is not null)
        {
            routes.MapSimulatorEndpoints();
        }

        return routes;
    }
}
