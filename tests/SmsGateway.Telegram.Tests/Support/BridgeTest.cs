using SmsGateway.Testing.Telegram;

namespace SmsGateway.Telegram.Tests.Support;

/// <summary>A test class with its own fake Bot API and a bridge host talking to it, started before each test and stopped after.</summary>
public abstract class BridgeTest : IAsyncLifetime
{
    protected FakeBotApiServer Api { get; private set; } = null!;

    protected BridgeHost Bridge { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = await FakeBotApiServer.StartAsync();
        Bridge = await BridgeHost.StartAsync(Api);
    }

    public async Task DisposeAsync()
    {
        await Bridge.DisposeAsync();
        await Api.DisposeAsync();
    }

    /// <summary>Waits until the bridge has sent <paramref name="count"/> messages to <paramref name="chatId"/>.</summary>
    protected Task<IReadOnlyList<BotApiCall>> SentToAsync(long chatId, int count = 1, TimeSpan? timeout = null) =>
        Api.WaitForAsync(calls => calls.Count(c => c.Method == "sendMessage" && c.Succeeded && c.ChatId == chatId) >= count, timeout);
}
