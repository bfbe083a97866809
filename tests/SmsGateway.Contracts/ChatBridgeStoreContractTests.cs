using SmsGateway.Core.Receiving.Bridge;

namespace SmsGateway.Contracts;

/// <summary>What every <see cref="IChatBridgeStore"/> must do; adapters' test classes derive from this.</summary>
public abstract class ChatBridgeStoreContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    protected IChatBridgeStore Store { get; private set; } = null!;

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected abstract Task<IChatBridgeStore> CreateStoreAsync();

    [Fact]
    public async Task SaveForward_ThenFind_GivesTheSender_PerChatAndMessage()
    {
        await Store.SaveForwardAsync(new ForwardedSms(-100123, 77, "+4915112345678", "m1"), CancellationToken.None);
        await Store.SaveForwardAsync(new ForwardedSms(42, 77, "Vodafone", "m2"), CancellationToken.None);

        Assert.Equal(new ForwardedSms(-100123, 77, "+4915112345678", "m1"), await Store.FindForwardAsync(-100123, 77, CancellationToken.None));
        Assert.Equal("Vodafone", (await Store.FindForwardAsync(42, 77, CancellationToken.None))!.Sender);
        Assert.Null(await Store.FindForwardAsync(42, 78, CancellationToken.None));
    }

    [Fact]
    public async Task SavePost_Again_ReplacesIt()
    {
        await Store.SavePostAsync(new ChatPost("answer:1:2", 1, 1001, "queued"), CancellationToken.None);
        await Store.SavePostAsync(new ChatPost("answer:1:2", 1, 1001, "sent ✅"), CancellationToken.None);

        Assert.Equal(new ChatPost("answer:1:2", 1, 1001, "sent ✅"), await Store.FindPostAsync("answer:1:2", CancellationToken.None));
        Assert.Null(await Store.FindPostAsync("answer:1:3", CancellationToken.None));
    }

    [Fact]
    public async Task TryStartRefusal_OncePerIntervalPerChat()
    {
        Assert.True(await Store.TryStartRefusalAsync(666, Now, Hour, CancellationToken.None));
        Assert.False(await Store.TryStartRefusalAsync(666, Now.AddMinutes(59), Hour, CancellationToken.None));
        Assert.True(await Store.TryStartRefusalAsync(667, Now.AddMinutes(59), Hour, CancellationToken.None));
        Assert.True(await Store.TryStartRefusalAsync(666, Now.AddMinutes(60), Hour, CancellationToken.None));
        Assert.False(await Store.TryStartRefusalAsync(666, Now.AddMinutes(61), Hour, CancellationToken.None));
    }
}
