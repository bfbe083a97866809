using Microsoft.Extensions.Time.Testing;
using SmsGateway.Core.Hosting;

namespace SmsGateway.Core.Tests.Hosting;

public sealed class BacklogGaugeTests
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 14, 12, 0, 0, TimeSpan.Zero));
    private int _backlog;
    private int _counts;

    private BacklogGauge Gauge(int capacity) => new(_ =>
    {
        _counts++;
        return Task.FromResult(_backlog);
    }, capacity, Refresh, _time);

    [Fact]
    public async Task CountsOnce_ThenAddsWhatTheWriterAdded_UntilTheCapacity()
    {
        _backlog = 1;
        var gauge = Gauge(capacity: 3);

        Assert.True(await gauge.HasRoomAsync(CancellationToken.None));
        gauge.Added();
        Assert.True(await gauge.HasRoomAsync(CancellationToken.None));
        gauge.Added();

        Assert.False(await gauge.HasRoomAsync(CancellationToken.None));
        Assert.Equal((1, 3), (_counts, gauge.Pending));
    }

    [Fact]
    public async Task WhileItHasRoom_CountsAgainOnlyAfterTheRefreshInterval()
    {
        var gauge = Gauge(capacity: 100);
        await gauge.HasRoomAsync(CancellationToken.None);
        _backlog = 40;

        _time.Advance(Refresh - TimeSpan.FromMilliseconds(1));
        await gauge.HasRoomAsync(CancellationToken.None);
        Assert.Equal((1, 0), (_counts, gauge.Pending));

        _time.Advance(TimeSpan.FromMilliseconds(1));
        await gauge.HasRoomAsync(CancellationToken.None);
        Assert.Equal((2, 40), (_counts, gauge.Pending));
    }

    [Fact]
    public async Task FilledByTheWriter_CountsAgainASecondAfterItFilledUp_NotAfterTheLastCount()
    {
        var gauge = Gauge(capacity: 2);
        await gauge.HasRoomAsync(CancellationToken.None);
        gauge.Added();
        _time.Advance(TimeSpan.FromSeconds(5));
        gauge.Added();
        _backlog = 1;

        Assert.False(await gauge.HasRoomAsync(CancellationToken.None));
        _time.Advance(BacklogGauge.FullRecheck);
        Assert.True(await gauge.HasRoomAsync(CancellationToken.None));
        Assert.Equal(2, _counts);
    }

    [Fact]
    public async Task WhileFull_CountsAgainAfterASecond_SoTheConsumersWorkIsSeenSoon()
    {
        _backlog = 5;
        var gauge = Gauge(capacity: 5);
        Assert.False(await gauge.HasRoomAsync(CancellationToken.None));
        _backlog = 4;

        Assert.False(await gauge.HasRoomAsync(CancellationToken.None));
        _time.Advance(BacklogGauge.FullRecheck);

        Assert.True(await gauge.HasRoomAsync(CancellationToken.None));
        Assert.Equal(2, _counts);
    }
}
