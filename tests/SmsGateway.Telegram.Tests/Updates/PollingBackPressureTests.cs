using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmsGateway.Storage.Embedded;
using SmsGateway.Telegram.Bot;
using SmsGateway.Telegram.Configuration;
using SmsGateway.Telegram.Hosting;
using SmsGateway.Telegram.Updates;
using SmsGateway.Testing.Telegram;
using SmsGateway.Testing;

namespace SmsGateway.Telegram.Tests.Updates;

/// <summary>
/// Long polling against the fake Bot API with nobody acting on the updates: a full inbox
/// (<c>Telegram:InboxCapacity</c>) stops the poller, and the updates wait with Telegram until there is room.
/// </summary>
public sealed class PollingBackPressureTests : IAsyncLifetime
{
    private const int Capacity = 3;
    private readonly TempDatabase _db = new();
    private FakeBotApiServer _api = null!;
    private SqliteChatInbox _inbox = null!;
    private TelegramPollingService _poller = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApiServer.StartAsync();
        var options = Options.Create(new TelegramOptions
        {
            BotToken = FakeBotApiServer.Token,
            ApiBaseUrl = _api.BaseUrl,
            PollingTimeoutSeconds = 1,
            RequestTimeout = TimeSpan.FromSeconds(10),
            InboxCapacity = Capacity,
        });
        _inbox = new SqliteChatInbox(_db.Database, TimeProvider.System);
        var recorder = new TelegramUpdateRecorder(_inbox, new TelegramSignals(), TimeProvider.System, options, NullLogger<TelegramUpdateRecorder>.Instance);
        _poller = new TelegramPollingService(new TelegramConnection(options), recorder, options, TimeProvider.System, NullLogger<TelegramPollingService>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _poller.StopAsync(CancellationToken.None);
        _poller.Dispose();
        await _api.DisposeAsync();
        _db.Dispose();
    }

    private async Task<long[]> PendingIdsAsync() => [.. (await _inbox.ListPendingAsync(100, CancellationToken.None)).Select(u => u.UpdateId)];

    private async Task<long[]> WaitForPendingAsync(int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var ids = await PendingIdsAsync();
            if (ids.Length >= count || DateTime.UtcNow > deadline)
            {
                return ids;
            }

            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task AFullInbox_StopsThePoller_AndTheRestWaitWithTelegramUntilThereIsRoom()
    {
        for (var id = 1; id <= 8; id++)
        {
            _api.EnqueueUpdate(TelegramUpdates.Text(id, 4242, id, $"update {id}"));
        }

        await _poller.StartAsync(CancellationToken.None);

        Assert.Equal(new long[] { 1, 2, 3 }, await WaitForPendingAsync(Capacity));

        // Several polling rounds (each pauses a second while full): none takes more.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.Equal(new long[] { 1, 2, 3 }, await PendingIdsAsync());
        Assert.All(_api.CallsOf("getUpdates"), call => Assert.True(call.Body.GetProperty("limit").GetInt32() <= Capacity));

        foreach (var id in new long[] { 1, 2 })
        {
            await _inbox.MarkProcessedAsync(id, CancellationToken.None);
        }

        Assert.Equal(new long[] { 3, 4, 5 }, await WaitForPendingAsync(Capacity));
    }
}
