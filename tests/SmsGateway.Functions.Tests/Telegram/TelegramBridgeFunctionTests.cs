using System.Text.Json;
using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using SmsGateway.Core.Outbox;
using SmsGateway.Core.Receiving.Inbound;
using SmsGateway.Functions.Telegram;
using SmsGateway.Functions.Tests.Support;
using SmsGateway.Telegram.Posting;
using SmsGateway.Testing.Azurite;
using SmsGateway.Testing.Telegram;
using static SmsGateway.Functions.Tests.Support.AgentEventsClient;

namespace SmsGateway.Functions.Tests.Telegram;

/// <summary>The bridge in the cloud shape: updates by webhook, inbound SMS by agent events, Telegram calls from the Table outbox.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TelegramBridgeFunctionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string InboundId = "0195a0b1c2d37e4f8a9b0c1d2e3f4a5b";

    private FakeBotApiServer _api = null!;
    private CloudHost _host = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApiServer.StartAsync();
        _host = await CloudHost.StartAsync(azurite, _api);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task SmsCommand_PublishesTheSmsToServiceBus_AndAnswersInTheChat()
    {
        var response = await TelegramWebhookFunctionTests.PostAsync(
            _host, CloudHost.WebhookSecret, TelegramUpdates.Text(2001, 42, 7, "/sms +4915112345678 Hello from Telegram"));

        Assert.Equal(200, response.Status);
        Assert.Equal("+4915112345678", PublishedTo(Assert.Single(_host.Bus.Sent)));
        var answer = Assert.Single(_api.CallsOf("sendMessage"), c => c.Succeeded);
        Assert.Equal(42, answer.ChatId);
        Assert.Equal(7, answer.Body.GetProperty("reply_parameters").GetProperty("message_id").GetInt32());
    }

    [Fact]
    public async Task InboundSmsEvent_IsForwardedToTheChat_AndAReplyToTheForwardAnswersTheSender()
    {
        var events = await new AgentEventsClient(_host).PostAsync(CloudHost.KeyA, Inbound("in-1", InboundId));

        Assert.Equal(200, events.Status);
        var forward = Assert.Single(_api.CallsOf("sendMessage"), c => c.Succeeded);
        Assert.Equal(42, forward.ChatId);
        Assert.Contains("Reply from the field", forward.Text, StringComparison.Ordinal);

        await TelegramWebhookFunctionTests.PostAsync(
            _host, CloudHost.WebhookSecret, TelegramUpdates.Text(2002, 42, 8, "Thanks, received", replyTo: forward.ResultMessageId));

        Assert.Equal("+4915199999999", PublishedTo(Assert.Single(_host.Bus.Sent)));
    }

    [Fact]
    public async Task InboundSmsEventTwice_IsForwardedOnce()
    {
        var client = new AgentEventsClient(_host);

        var first = await client.PostAsync(CloudHost.KeyA, Inbound("in-1", InboundId));
        var again = await client.PostAsync(CloudHost.KeyA, Inbound("in-1", InboundId));

        Assert.Equal("applied", first.Json.GetProperty("results")[0].GetProperty("outcome").GetString());
        Assert.Equal("duplicate", again.Json.GetProperty("results")[0].GetProperty("outcome").GetString());
        Assert.Single(_api.CallsOf("sendMessage"));
    }

    [Fact]
    public async Task InboundSmsEvent_StoredByATryThatStoppedBeforeItsLedgerRow_IsForwardedOnTheRetry()
    {
        // An earlier try stored the SMS and stopped before it told the listeners (and so before its ledger row).
        await _host.Get<IInboundStore>().AddMessageAsync(
            new InboundMessage
            {
                Id = InboundId,
                Sender = "+4915199999999",
                SentAt = _host.Time.GetUtcNow(),
                ReceivedAt = _host.Time.GetUtcNow(),
                Text = "Reply from the field",
            },
            CancellationToken.None);

        var retry = await new AgentEventsClient(_host).PostAsync(CloudHost.KeyA, Inbound("in-1", InboundId));
        var again = await new AgentEventsClient(_host).PostAsync(CloudHost.KeyA, Inbound("in-1", InboundId));

        Assert.Equal("applied", retry.Json.GetProperty("results")[0].GetProperty("outcome").GetString());
        Assert.Equal("duplicate", again.Json.GetProperty("results")[0].GetProperty("outcome").GetString());
        Assert.Contains("Reply from the field", Assert.Single(_api.SentTexts(42)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooManyRequests_IsRescheduledByRetryAfter_AndDeliveredByTheTimerOnceDue()
    {
        _api.FailNext("sendMessage", BotApiFault.TooManyRequests(5));

        await new AgentEventsClient(_host).PostAsync(CloudHost.KeyA, Inbound("in-1", InboundId));

        Assert.Equal([429], _api.CallsOf("sendMessage").Select(c => c.Status));
        var channel = Assert.Single(await _host.Get<IOutbox>().ListPendingChannelsAsync(TelegramOutboxWriter.ChannelPrefix, 10, CancellationToken.None));
        Assert.Equal(_host.Time.GetUtcNow().AddSeconds(5), channel.NextDueAt);

        _host.Time.Advance(TimeSpan.FromSeconds(5));
        await _host.Function<TelegramOutboxFunction>().RunAsync(new TimerInfo(), CancellationToken.None);

        Assert.Equal([429, 200], _api.CallsOf("sendMessage").Select(c => c.Status));
        Assert.Empty(await _host.Get<IOutbox>().ListPendingChannelsAsync(TelegramOutboxWriter.ChannelPrefix, 10, CancellationToken.None));
    }

    [Fact]
    public async Task TelegramDown_TheForwardWaitsInTheOutbox_AndTheTimerDeliversItLater()
    {
        _api.Down = true;
        await new AgentEventsClient(_host).PostAsync(CloudHost.KeyA, Inbound("in-1", InboundId));
        _api.Down = false;

        _host.Time.Advance(TimeSpan.FromMinutes(1));
        await _host.Function<TelegramOutboxFunction>().RunAsync(new TimerInfo(), CancellationToken.None);

        Assert.Contains("Reply from the field", Assert.Single(_api.SentTexts(42)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutboxTimer_BridgeOff_DoesNothing()
    {
        await using var host = await CloudHost.StartAsync(azurite);

        await host.Function<TelegramOutboxFunction>().RunAsync(new TimerInfo(), CancellationToken.None);

        Assert.Empty(_api.Calls);
    }

    private static string? PublishedTo(ServiceBusMessage message)
    {
        using var body = JsonDocument.Parse(message.Body.ToString());
        return body.RootElement.GetProperty("to").GetString();
    }
}
