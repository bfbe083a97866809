using System.Text.Json;
using Azure.Core;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmsGateway.Azure.ServiceBus;
using SmsGateway.Azure.Tables;
using SmsGateway.Functions.Agents;
using SmsGateway.Functions.Hosting;
using SmsGateway.Functions.Messages;

namespace SmsGateway.Benchmarks.Cloud;

/// <summary>
/// The Functions app's services exactly as its <c>Program</c> registers them (<c>AddCloudGateway</c>)
/// behind loopback Kestrel, since the Functions host cannot run here: each request to a function's
/// route creates the function class and invokes it, and counts as one execution. Table storage is
/// Azurite behind a counting pipeline policy; Service Bus is the given (counting) channel.
/// </summary>
internal sealed class CloudFunctionsHost : IAsyncDisposable
{
    public const string AgentId = "bench-agent";
    public const string AgentKey = "bench-agent-key-0123456789abcdef";
    public const string FunctionKey = "bench-function-key";

    private readonly WebApplication _app;

    private CloudFunctionsHost(WebApplication app)
    {
        _app = app;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<CloudFunctionsHost> StartAsync(string tablesConnection, IServiceBusChannel bus, OperationCounter tables, OperationCounter functions)
    {
        var prefix = "b" + Guid.NewGuid().ToString("N")[..12];
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // Standard output carries only the scenario's JSON line.
        builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tables:ConnectionString"] = tablesConnection,
            ["Tables:TablePrefix"] = prefix,
            ["ServiceBus:ConnectionString"] = "Endpoint=sb://unused.servicebus.windows.net/;SharedAccessKeyName=x;SharedAccessKey=eA==",
            [$"Agents:{AgentId}:Key"] = AgentKey,
            // On, as by default, so its count in Table storage is part of the cost; high enough for one probe number.
            ["Sms:PerDestinationPerHour"] = "100000",
        });

        // Registered first: AddCloudGateway only adds these when missing.
        var options = new TableClientOptions();
        options.AddPolicy(new TableTransactionCounter(tables, prefix), HttpPipelinePosition.PerRetry);
        builder.Services.AddSingleton(new AzureTables(new TableServiceClient(tablesConnection, options), prefix));
        builder.Services.AddSingleton(bus);
        builder.AddCloudGateway();

        var app = builder.Build();
        app.MapPost("/api/messages", (HttpRequest request, CancellationToken ct) =>
        {
            functions.Add("SendMessage");
            return ActivatorUtilities.CreateInstance<MessageFunctions>(request.HttpContext.RequestServices).SendAsync(request, ct);
        });
        app.MapPost("/api/agent/events", async (HttpRequest request, CancellationToken ct) =>
        {
            functions.Add(await ClassifyAsync(request));
            return await ActivatorUtilities.CreateInstance<AgentEventsFunction>(request.HttpContext.RequestServices).RunAsync(request, ct);
        });
        await app.StartAsync();
        return new CloudFunctionsHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    // Heartbeat-only batches are the agent's overhead per minute, not a cost of any message.
    private static async Task<string> ClassifyAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var document = await JsonDocument.ParseAsync(request.Body);
        request.Body.Position = 0;
        var kinds = document.RootElement.GetProperty("events").EnumerateArray()
            .Select(e => e.GetProperty("kind").GetString())
            .ToHashSet(StringComparer.Ordinal);
        return kinds.SetEquals(["heartbeat"]) ? "AgentEvents(heartbeat only)" : "AgentEvents";
    }
}
