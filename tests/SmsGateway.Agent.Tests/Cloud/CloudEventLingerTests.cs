using System.Text.Json;
using SmsGateway.Testing;
using static SmsGateway.Agent.Tests.Cloud.CloudEvents;

namespace SmsGateway.Agent.Tests.Cloud;

/// <summary>
/// <c>Cloud:EventLinger</c>: a destination's <c>sending</c> waits in the outbox, and a later status of the same
/// destination queued meanwhile replaces it, so a quick send costs the cloud one status event fewer.
/// </summary>
public sealed class CloudEventLingerTests : CloudAgentTest
{
    [Fact]
    public async Task SendingReplacedBySentWithinTheLinger_IsNeverPosted_AndSentCarriesItsFacts()
    {
        await using var agent = await StartAgentAsync();
        var sms = CloudAgentInstance.Sms("Quick one");
        await CloudAgentInstance.PublishAsync(Bus, sms);

        await Eventually.WaitUntilAsync(() => Statuses(Cloud.Applied, sms.MessageId).Contains("delivered"), "the delivered event");

        Assert.Equal(["sent", "delivered"], Statuses(Cloud.Accepted, sms.MessageId));
        var sent = Cloud.Applied.Single(e => IsStatusOf(e, sms.MessageId) && e.GetProperty("status").GetString() == "sent");
        Assert.Equal(1, sent.GetProperty("attempts").GetInt32());
        Assert.Equal(2, Cloud.Batches.Count(batch => batch.Any(e => IsStatusOf(e, sms.MessageId))));
    }

    [Fact]
    public async Task SendLongerThanTheLinger_PostsSendingFirst_ThenTheRestInOrder()
    {
        var settings = new Dictionary<string, string?> { ["Cloud:EventLinger"] = "00:00:00.100", ["Modem:Simulator:SendDelayMs"] = "1500" };

        Assert.Equal(["sending", "sent", "delivered"], await AppliedStatusesOfOneSmsAsync("Slow one", settings));
    }

    [Fact]
    public async Task LingerOff_PostsEveryStatus()
    {
        var settings = new Dictionary<string, string?> { ["Cloud:EventLinger"] = "00:00:00" };

        Assert.Equal(["sending", "sent", "delivered"], await AppliedStatusesOfOneSmsAsync("Every step", settings));
    }

    /// <summary>Sends one SMS through an agent with these settings; the statuses the cloud applied for it, once delivered.</summary>
    private async Task<string[]> AppliedStatusesOfOneSmsAsync(string text, Dictionary<string, string?> settings)
    {
        await using var agent = await StartAgentAsync(settings);
        var sms = CloudAgentInstance.Sms(text);
        await CloudAgentInstance.PublishAsync(Bus, sms);

        await Eventually.WaitUntilAsync(() => Statuses(Cloud.Applied, sms.MessageId).Contains("delivered"), "the delivered event");
        return Statuses(Cloud.Applied, sms.MessageId);
    }

    private static bool IsStatusOf(JsonElement e, string messageId) =>
        Kind(e) == "destination_status" && e.GetProperty("messageId").GetString() == messageId;
}
