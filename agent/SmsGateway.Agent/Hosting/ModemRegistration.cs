namespace SmsGateway.Agent.Hosting;

public static class ModemRegistration
{
    public static WebApplicationBuilder AddGatewayModem(this WebApplicationBuilder builder) => builder;

    public static IEndpointRouteBuilder MapSimulatorEndpoints(this IEndpointRouteBuilder routes) => routes;
}
