using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Primitives;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Sending.Records;
using SmsGateway.Core.Webhooks;
using SmsGateway.Storage.Embedded;
using SmsGateway.Testing;
using SmsGateway.Testing.Webhooks;
using StandardWebhooks;

namespace SmsGateway.Webhooks.Tests;

/// <summary>The dispatcher as the gateway runs it (real clock, real SQLite), against receivers on Kestrel.</summary>
public sealed class WebhookDispatcherTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();
    private readonly List<WebhookReceiver> _receivers = [];
    private IHost _host = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        foreach (var receiver in _receivers)
        {
            await receiver.DisposeAsync();
        }

        _db.Dispose();
    }

    [Fact]
    public async Task AStoredEvent_ReachesTheReceiver_AndTheStandardWebhooksLibraryVerifiesIt()
    {
        var receiver = await StartReceiverAsync();
        var endpoint = await StartAsync(receiver);

        var reported = await StoreSentEventAsync();

        await Eventually.WaitUntilAsync(() => receiver.Accepted.Count == 1, "the event at the receiver");
        var request = receiver.Accepted[0];
        Assert.Equal(reported.Id, request.Id);
        var headers = new HeaderDictionary(request.Headers.ToDictionary(h => h.Key, h => new StringValues(h.Value)));
        new StandardWebhook(endpoint.Secret).Verify(request.Body, headers);
        await Eventually.WaitUntilAsync(
            async () => (await Store.ListDeliveriesAsync(endpoint.Id, WebhookDeliveryState.Delivered, 10, default)).Count == 1,
            TimeSpan.FromSeconds(30), "the delivery recorded as delivered");
    }

    [Fact]
    public async Task AReceiverThatTakes10sPerRequest_DelaysNoOtherEndpoint()
    {
        var slow = await StartReceiverAsync();
        slow.Delay = TimeSpan.FromSeconds(10);
        var fast = await StartReceiverAsync();
        await StartAsync(slow, fast);
        var started = DateTimeOffset.UtcNow;

        for (var i = 0; i < 3; i++)
        {
            await StoreSentEventAsync();
        }

        await Eventually.WaitUntilAsync(() => fast.Accepted.Count == 3, "every event at the fast receiver");
        Assert.Empty(slow.Received);
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(5), "the fast receiver waited on the slow one");
    }

    private SqliteWebhookStore Store => (SqliteWebhookStore)_host.Services.GetRequiredService<IWebhookStore>();

    private async Task<WebhookReceiver> StartReceiverAsync()
    {
        var receiver = await WebhookReceiver.StartAsync();
        _receivers.Add(receiver);
        return receiver;
    }

    private async Task<WebhookEndpoint> StartAsync(params WebhookReceiver[] receivers)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Webhooks:AllowHttp"] = "true",
            ["Webhooks:AllowPrivateNetworks"] = "true",
            ["Webhooks:MaxConcurrencyPerEndpoint"] = "1",
        });
        builder.Services.AddSingleton(_db.Database);
        builder.Services.AddSingleton<IWebhookStore>(sp => new SqliteWebhookStore(sp.GetRequiredService<SqliteDatabase>(), TimeProvider.System));
        builder.Services.AddWebhooks();
        _host = builder.Build();
        var endpoints = receivers.Select((r, i) => new WebhookEndpoint
        {
            Id = $"wh_{i}",
            Url = r.Url,
            Events = [WebhookEventTypes.Any],
            Secret = WebhookSecret.New(),
            CreatedAt = DateTimeOffset.UtcNow,
        }).ToList();
        foreach (var endpoint in endpoints)
        {
            await Store.AddEndpointAsync(endpoint, default);
        }

        await _host.StartAsync();
        return endpoints[0];
    }

    private async Task<WebhookEvent> StoreSentEventAsync()
    {
        var messages = new SqliteMessageStore(_db.Database, TimeProvider.System);
        var now = DateTimeOffset.UtcNow;
        var message = new Message
        {
            Id = Message.NewId(now),
            Text = "hi",
            Destinations = [Destination.Sms("+4915112345678") with { Status = DestinationStatus.Sent, Attempts = 1, SentAt = now }],
            CreatedAt = now,
            UpdatedAt = now,
        };
        await messages.CreateAsync(message, null, default);
        var reported = _host.Services.GetRequiredService<WebhookEventFactory>().ForStatusChange(message, 0, DestinationStatus.Sending)!;
        IMessageStore store = messages;
        await store.UpdateAsync(message, "1", [reported], default);

        // As the gateway's listener does after a stored change, so the event goes out now rather than at the next poll.
        _host.Services.GetRequiredService<WebhookWakeUp>().Events.Pulse();
        return reported;
    }
}
