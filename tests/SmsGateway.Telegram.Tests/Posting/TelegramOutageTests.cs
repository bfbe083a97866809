using SmsGateway.Telegram.Formatting;
using SmsGateway.Telegram.Tests.Support;
using SmsGateway.Testing.Telegram;
using SmsGateway.Testing;
using static SmsGateway.Telegram.Tests.Support.BridgeHost;

namespace SmsGateway.Telegram.Tests.Posting;

/// <summary>
/// A long Telegram outage (every Bot API call answers 502) while SMS keep arriving: the outbox holds at most
/// <c>Telegram:OutboxCapacity</c> posts, and when Telegram is back each chat gets what was kept and is told what was not.
/// </summary>
public sealed class TelegramOutageTests : IAsyncLifetime
{
    private const int Capacity = 4;
    private FakeBotApiServer _api = null!;
    private BridgeHost _bridge = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApiServer.StartAsync();
        _api.Down = true;
        _bridge = await BridgeHost.StartAsync(_api, new Dictionary<string, string?> { ["Telegram:OutboxCapacity"] = "4" });
    }

    public async Task DisposeAsync()
    {
        await _bridge.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task DuringAnOutage_TheOutboxStaysBounded_AndAfterItEachChatLearnsWhatItMissed()
    {
        // Five SMS for two chats: ten posts, of which the outbox keeps four (the first two SMS for both chats).
        for (var n = 1; n <= 5; n++)
        {
            await _bridge.ReceiveSmsAsync(Sms($"during the outage {n}"));
        }

        await _api.WaitForAsync(calls => calls.Count(c => c.Method == "sendMessage" && c.Status == 502) >= 3);
        Assert.Equal(Capacity, await _bridge.PendingPostsAsync());

        _api.Down = false;
        await _api.WaitForAsync(calls => calls.Count(c => c.Method == "sendMessage" && c.Succeeded) >= Capacity);
        await Eventually.WaitUntilAsync(async () => await _bridge.PendingPostsAsync() == 0, TimeSpan.FromSeconds(20));

        // The full outbox is counted again within a second of being full; then the next post finds room.
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        await _bridge.ReceiveSmsAsync(Sms("after the outage"));
        await _api.WaitForAsync(calls => calls.Count(c => c.Method == "sendMessage" && c.Succeeded) >= 2 * (2 + 2));

        foreach (var chat in new[] { ChatA, ChatB })
        {
            var texts = _api.SentTexts(chat);
            Assert.Equal(4, texts.Count);
            Assert.EndsWith("during the outage 1", texts[0]);
            Assert.EndsWith("during the outage 2", texts[1]);
            Assert.Equal(BotTexts.Dropped(3), texts[2]);
            Assert.EndsWith("after the outage", texts[3]);
        }
    }

}
