using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging.Abstractions;
using SmsGateway.Agent.Hosting;
using SmsGateway.Azure.ServiceBus;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Sending.Queue;
using SmsGateway.Testing;
using SmsGateway.Testing.ServiceBus;

namespace SmsGateway.Agent.Tests.Cloud;

/// <summary>
/// The agent in cloud mode in this process: the in-memory Service Bus double at the SDK boundary behind the
/// real Service Bus queue adapter, the built-in simulator behind the real AT driver, real SQLite, and
/// events to a <see cref="FakeCloudEndpoint"/>. <see cref="PublishAsync"/> plays the cloud's intake.
/// </summary>
public sealed class CloudAgentInstance : IAsyncDisposable
{
    public const string AgentId = "test-agent";
    public const string Subscription = "sms-" + AgentId;

    private readonly WebApplication _app;

    private CloudAgentInstance(WebApplication app, InMemoryServiceBus bus, string dataPath)
    {
        _app = app;
        Bus = bus;
        DataPath = dataPath;
        AirLogPath = Path.Combine(dataPath, "air.jsonl");
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
    }

    public InMemoryServiceBus Bus { get; }

    public string DataPath { get; }

    public string AirLogPath { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Waits until the modem is initialised and registered. Items published before would be received while
    /// the modem is still starting and spend retry attempts on "modem not connected".
    /// </summary>
    public async Task WaitForHealthyAsync()
    {
        await Eventually.WaitUntilAsync(
            // 503 (unhealthy) while the modem starts carries the same body.
            () => Client.GetAsync("/api/health").Result.Content.ReadFromJsonAsync<JsonElement>().Result.GetProperty("status").GetString() == "healthy",
            "the agent to become healthy");
    }

    public static InMemoryServiceBus NewBus() =>
        new InMemoryServiceBus(TimeProvider.System).AddSubscription(Subscription, lockDuration: TimeSpan.FromMinutes(1), maxDeliveryCount: 5);

    /// <summary>What the cloud's intake does: publishes through the real Service Bus queue adapter.</summary>
    public static async Task PublishAsync(InMemoryServiceBus bus, params QueueItem[] items)
    {
        var intake = new ServiceBusOutboundQueue(bus, new ServiceBusQueueOptions { FullyQualifiedNamespace = "test", Subscription = Subscription }, TimeProvider.System, NullLogger<ServiceBusOutboundQueue>.Instance);
        await intake.PublishAsync(items, null, CancellationToken.None);
    }

    public static QueueItem Sms(string text, string to = "+4915112345678") =>
        new() { MessageId = Message.NewId(DateTimeOffset.UtcNow), DestinationIndex = 0, To = to, Text = text };

    public static async Task<CloudAgentInstance> StartAsync(InMemoryServiceBus bus, Uri cloud, IDictionary<string, string?>? settings = null, string? dataPath = null)
    {
        dataPath ??= Directory.CreateTempSubdirectory("smsgw-cloud-").FullName;
        var app = Build(bus, dataPath, cloud, settings);
        await app.StartAsync();
        return new CloudAgentInstance(app, bus, dataPath);
    }

    public static WebApplication Build(InMemoryServiceBus bus, string dataPath, Uri cloud, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Gateway:Mode"] = "cloud",
            ["Storage:Path"] = dataPath,
            ["Cloud:BaseUrl"] = cloud.ToString(),
            ["Cloud:AgentId"] = AgentId,
            ["Cloud:AgentKey"] = FakeCloudEndpoint.AgentKey,
            ["Cloud:HeartbeatInterval"] = "00:00:00.300",
            ["Cloud:RetryBaseDelay"] = "00:00:00.050",
            ["Cloud:RetryMaxDelay"] = "00:00:00.250",
            ["Cloud:RequestTimeout"] = "00:00:05",
            ["ServiceBus:FullyQualifiedNamespace"] = "test.servicebus.windows.net",
            ["ServiceBus:Subscription"] = Subscription,
            ["Modem:Port"] = "simulator",
            ["Modem:Simulator:AirLog"] = Path.Combine(dataPath, "air.jsonl"),
            ["Modem:Simulator:SendDelayMs"] = "20",
            ["Modem:Simulator:DeliveryReportDelayMs"] = "50",
            ["Outbound:RetryBaseDelay"] = "00:00:00.010",
            ["Outbound:RetryMaxDelay"] = "00:00:00.050",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        string[] args = [.. values.Where(kv => kv.Value is not null).Select(kv => $"--{kv.Key}={kv.Value}")];
        return GatewayApp.Build(args, builder => builder.Services.AddSingleton<IServiceBusChannel>(bus));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
