using System.Text.Json;
using SmsGateway.Testing;
using SmsGateway.Testing.ServiceBus;
using static SmsGateway.Agent.Tests.Cloud.CloudEvents;

namespace SmsGateway.Agent.Tests.Cloud;

/// <summary>
/// <c>Cloud:EventLinger</c>: a destination's <c>sending</c> waits in the outbox, and a later status of the same
/// destination queued meanwhile replaces it, so a quick send costs the cloud one status event fewer.
/// </summary>
public sealed class CloudEventLingerTests : IAsyncLifetime
{
    private readonly InMemoryServiceBus _bus = CloudAgentInstance.NewBus();
    private FakeCloudEndpoint _cloud = null!;

    public async Task InitializeAsync() => _cloud = await FakeCloudEndpoint.StartAsync();

    public async Task DisposeAsync() => await _cloud.DisposeAsync();

    [Fact]
    public async Task SendingReplacedBySentWithinTheLinger_IsNeverPosted_AndSentCarriesItsFacts()
    {
        await using var agent = await CloudAgentInstance.StartAsync(_bus, _cloud.BaseUrl);
        var sms = CloudAgentInstance.Sms("Quick one");
        await CloudAgentInstance.PublishAsync(_bus, sms);

        await Eventually.WaitUntilAsync(() => Statuses(_cloud.Applied, sms.MessageId).Contains("delivered"), "the delivered event");

        Assert.Equal(["sent", "delivered"], Statuses(_cloud.Accepted, sms.MessageId));
        var sent = _cloud.Applied.Single(e => IsStatusOf(e, sms.MessageId) && e.GetProperty("status").GetString() == "sent");
        Assert.Equal(1, sent.GetProperty("attempts").GetInt32());
        Assert.Equal(2, _cloud.Batches.Count(batch => batch.Any(e => IsStatusOf(e, sms.MessageId))));
    }

    [Fact]
    public async Task SendLongerThanTheLinger_PostsSendingFirst_ThenTheRestInOrder()
    {
        var settings = new Dictionary<string, string?> { ["Cloud:EventLinger"] = "00:00:00.100", ["Modem:Simulator:SendDelayMs"] = "1500" };
        await using var agent = await CloudAgentInstance.StartAsync(_bus, _cloud.BaseUrl, settings);
        var sms = CloudAgentInstance.Sms("Slow one");
        await CloudAgentInstance.PublishAsync(_bus, sms);

        await Eventually.WaitUntilAsync(() => Statuses(_cloud.Applied, sms.MessageId).Contains("delivered"), "the delivered event");

        Assert.Equal(["sending", "sent", "delivered"], Statuses(_cloud.Applied, sms.MessageId));
    }

    [Fact]
    public async Task LingerOff_PostsEveryStatus()
    {
        await using var agent = await CloudAgentInstance.StartAsync(_bus, _cloud.BaseUrl, new Dictionary<string, string?> { ["Cloud:EventLinger"] = "00:00:00" });
        var sms = CloudAgentInstance.Sms("Every step");
        await CloudAgentInstance.PublishAsync(_bus, sms);

        await Eventually.WaitUntilAsync(() => Statuses(_cloud.Applied, sms.MessageId).Contains("delivered"), "the delivered event");

        Assert.Equal(["sending", "sent", "delivered"], Statuses(_cloud.Applied, sms.MessageId));
    }

    private static bool IsStatusOf(JsonElement e, string messageId) =>
        Kind(e) == "destination_status" && e.GetProperty("messageId").GetString() == messageId;
}
