using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SmsGateway.Agent.Hosting;
using SmsGateway.Azure.ServiceBus;

namespace SmsGateway.Benchmarks.Cloud;

/// <summary>The agent in cloud mode in this process, on the given Service Bus channel, with the simulator as modem.</summary>
internal static class CloudAgent
{
    public static async Task<WebApplication> StartAsync(IServiceBusChannel bus, Uri functions, string dataPath, TimeSpan heartbeat)
    {
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            "--Gateway:Mode=cloud",
            $"--Storage:Path={dataPath}",
            $"--Cloud:BaseUrl={functions}",
            $"--Cloud:AgentId={CloudFunctionsHost.AgentId}",
            $"--Cloud:AgentKey={CloudFunctionsHost.AgentKey}",
            $"--Cloud:HeartbeatInterval={heartbeat:c}",
            "--ServiceBus:FullyQualifiedNamespace=bench.servicebus.windows.net",
            "--ServiceBus:Subscription=sms",
            "--Modem:Port=simulator",
            "--Modem:Simulator:SendDelayMs=20",
            "--Modem:Simulator:DeliveryReportDelayMs=50",
            "--Logging:LogLevel:Default=Warning",

            // Standard output carries only the scenario's JSON line.
            "--Logging:Console:LogToStandardErrorThreshold=Trace",
        ];
        var app = GatewayApp.Build(args, builder => builder.Services.AddSingleton(bus));
        await app.StartAsync();
        return app;
    }
}
