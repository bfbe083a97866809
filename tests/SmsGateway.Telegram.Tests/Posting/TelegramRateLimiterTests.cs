using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SmsGateway.Telegram.Configuration;
using SmsGateway.Telegram.Posting;

namespace SmsGateway.Telegram.Tests.Posting;

public sealed class TelegramRateLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 14, 12, 0, 0, TimeSpan.Zero));
    private readonly TelegramRateLimiter _sut = new(Options.Create(new TelegramOptions()));

    [Fact]
    public void AChat_GetsOneMessagePerSecond_OtherChatsAreNotHeldUp()
    {
        var now = _time.GetUtcNow();
        _sut.Record(1, now);

        Assert.Equal(TimeSpan.FromSeconds(1), _sut.WaitTime(1, now));
        Assert.Equal(TimeSpan.Zero, _sut.WaitTime(2, now));
        Assert.Equal(TimeSpan.FromMilliseconds(400), _sut.WaitTime(1, now.AddMilliseconds(600)));
        Assert.Equal(TimeSpan.Zero, _sut.WaitTime(1, now.AddSeconds(1)));
    }

    [Fact]
    public void AllChats_Get30MessagesPerSecond()
    {
        var now = _time.GetUtcNow();
        for (var chat = 1; chat <= 30; chat++)
        {
            Assert.Equal(TimeSpan.Zero, _sut.WaitTime(chat, now.AddMilliseconds(chat)));
            _sut.Record(chat, now.AddMilliseconds(chat));
        }

        Assert.Equal(TimeSpan.FromMilliseconds(1000 + 1 - 40), _sut.WaitTime(31, now.AddMilliseconds(40)));
        Assert.Equal(TimeSpan.Zero, _sut.WaitTime(31, now.AddMilliseconds(1001)));
    }

    [Fact]
    public void PauseUntil_HoldsEveryChat()
    {
        var now = _time.GetUtcNow();

        _sut.PauseUntil(now.AddSeconds(30));
        _sut.PauseUntil(now.AddSeconds(5));

        Assert.Equal(TimeSpan.FromSeconds(30), _sut.WaitTime(1, now));
        Assert.Equal(TimeSpan.FromSeconds(10), _sut.WaitTime(2, now.AddSeconds(20)));
    }
}
