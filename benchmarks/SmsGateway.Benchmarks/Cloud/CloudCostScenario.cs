using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Sending.Records;
using SmsGateway.Testing.Azurite;
using SmsGateway.Testing.ServiceBus;

namespace SmsGateway.Benchmarks.Cloud;

/// <summary>
/// Issue 7, scenario 6: the billable operations one single-part message costs in the cloud shape,
/// end to end — intake function → Service Bus (the in-memory double at the SDK seam) → agent in
/// cloud mode → simulator → events function → Table state (Azurite) sent and delivered — counted
/// at the SDK boundaries, and what they cost per million messages at list prices.
/// </summary>
internal sealed class CloudCostScenario : IBenchmarkScenario
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(2);

    public string Name => "cloudcost";

    public async Task<JsonObject> RunAsync(BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        var azurite = new AzuriteFixture();
        try
        {
            await azurite.InitializeAsync();
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("not found", StringComparison.Ordinal))
        {
            return new JsonObject { ["skipped"] = "Azurite is not installed; set SMSGW_AZURITE (as .ci/run does). " + ex.Message };
        }

        try
        {
            return await MeasureAsync(azurite.ConnectionString, settings, cancellationToken);
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    private static async Task<JsonObject> MeasureAsync(string tablesConnection, BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        OperationCounter serviceBus = new(), tables = new(), functions = new();
        var bus = new CountingServiceBusChannel(new InMemoryServiceBus(TimeProvider.System).AddSubscription("sms", maxDeliveryCount: 5), serviceBus);
        await using var cloud = await CloudFunctionsHost.StartAsync(tablesConnection, bus, tables, functions);
        var agent = await CloudAgent.StartAsync(bus, cloud.BaseAddress, Path.Combine(settings.WorkDirectory, "agent"), Heartbeat);
        try
        {
            using var client = new HttpClient { BaseAddress = cloud.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            var store = cloud.Services.GetRequiredService<IMessageStore>();

            // Warm-up: tables created, agent registered, first heartbeat; none of it is a message's cost.
            await SendAndWaitDeliveredAsync(client, store, 0, cancellationToken);
            await Task.Delay(Heartbeat, cancellationToken);
            _ = (serviceBus.TakeSnapshot(), tables.TakeSnapshot(), functions.TakeSnapshot());

            // Idle: what the agent costs per minute with nothing to send (empty receives, heartbeats).
            var idleFor = TimeSpan.FromSeconds(settings.Smoke ? 3 : 10);
            await Task.Delay(idleFor, cancellationToken);
            var idle = (Bus: serviceBus.TakeSnapshot(), Tables: tables.TakeSnapshot(), Functions: functions.TakeSnapshot());

            // One message at a time, each delivered before the next: nothing shared between messages.
            var count = settings.CountOr(10, 2);
            var clock = Stopwatch.StartNew();
            for (var i = 1; i <= count; i++)
            {
                await SendAndWaitDeliveredAsync(client, store, i, cancellationToken);
            }

            var busy = (Bus: serviceBus.TakeSnapshot(), Tables: tables.TakeSnapshot(), Functions: functions.TakeSnapshot());
            return CloudCostFigures.Compute(count, clock.Elapsed, idleFor, idle, busy);
        }
        finally
        {
            await agent.StopAsync(CancellationToken.None);
            await agent.DisposeAsync();
        }
    }

    private static async Task SendAndWaitDeliveredAsync(HttpClient client, IMessageStore store, int n, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync("/api/messages", new { to = new[] { "+4915112345678" }, text = $"Cost probe {n}" }, cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The intake function answered {(int)response.StatusCode}: {body}");
        }

        var id = body.GetProperty("id").GetString()!;
        var deadline = Stopwatch.StartNew();
        using (OperationCounter.Ignore())
        {
            while ((await store.GetAsync(id, cancellationToken))?.Message.Destinations[0].Status != DestinationStatus.Delivered)
            {
                if (deadline.Elapsed > TimeSpan.FromSeconds(60))
                {
                    throw new TimeoutException($"Message {id} was not delivered within 60 s.");
                }

                await Task.Delay(20, cancellationToken);
            }
        }

        // The settle of the Service Bus message and the last events may trail the delivered state a little.
        await Task.Delay(200, cancellationToken);
    }
}
