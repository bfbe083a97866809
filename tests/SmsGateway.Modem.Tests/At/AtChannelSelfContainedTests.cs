using Microsoft.Extensions.Time.Testing;
using SmsGateway.Modem.At;
using SmsGateway.Testing;

namespace SmsGateway.Modem.Tests.At;

/// <summary>Information responses that some modems never follow with a final result code.</summary>
public sealed class AtChannelSelfContainedTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Execute_ReadAnsweredWithoutFinalResult_IsBelievedAfterTheGraceNotTheTimeout()
    {
        // Wavecom Multiband: AT+CPIN? answers "+CPIN: READY" and never OK.
        var time = new FakeTimeProvider();
        var start = time.GetUtcNow();
        var modem = new ScriptedModemStream().Expect("AT+CPIN?", "\r\n+CPIN: READY\r\n").Expect("AT", "\r\nOK\r\n");
        await using var sut = new AtChannel(modem, timeProvider: time);

        var read = sut.ExecuteAsync("AT+CPIN?", Timeout, CancellationToken.None);
        await modem.WaitForCommandsAsync(1);
        await AdvanceUntilAsync(time, () => read.IsCompleted, TimeSpan.FromSeconds(3));

        Assert.True(read.IsCompleted, "believed within 3 s of fake time");
        var response = await read;
        Assert.Equal(["+CPIN: READY"], response.Lines);
        Assert.True(time.GetUtcNow() - start < Timeout, "believed before the command timeout");
        Assert.Empty((await sut.ExecuteAsync("AT", Timeout, CancellationToken.None)).Lines);
    }

    [Fact]
    public async Task Execute_ReadWithFinalOkAfterThePause_WaitsForTheOk()
    {
        var time = new FakeTimeProvider();
        var modem = new ScriptedModemStream().Expect("AT+CSQ", "\r\n+CSQ: 17,99\r\n");
        await using var sut = new AtChannel(modem, timeProvider: time);

        var read = sut.ExecuteAsync("AT+CSQ", Timeout, CancellationToken.None);
        await modem.WaitForCommandsAsync(1);
        modem.Push("\r\nOK\r\n");

        Assert.Equal(["+CSQ: 17,99"], (await read.WaitAsync(TimeSpan.FromSeconds(5))).Lines);
    }

    [Fact]
    public async Task Execute_ListWithoutFinalResult_IsNotCutShortAndTimesOut()
    {
        // A list may go on for many lines: only a single-line read is complete in itself.
        var time = new FakeTimeProvider();
        var modem = new ScriptedModemStream().Expect("AT+CMGL=4", "\r\n+CMGL: 1,1,,24\r\n");
        await using var sut = new AtChannel(modem, timeProvider: time);

        var list = sut.ExecuteAsync("AT+CMGL=4", Timeout, CancellationToken.None);
        await modem.WaitForCommandsAsync(1);
        await AdvanceUntilAsync(time, () => list.IsCompleted, Timeout - TimeSpan.FromSeconds(1));
        Assert.False(list.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<AtTimeoutException>(() => list.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    /// <summary>
    /// Moves fake time on in small steps (the grace starts only once the reader has taken the line, which the test
    /// cannot see) until <paramref name="done"/> or <paramref name="limit"/> of fake time has passed.
    /// </summary>
    private static async Task AdvanceUntilAsync(FakeTimeProvider time, Func<bool> done, TimeSpan limit)
    {
        var end = time.GetUtcNow() + limit;
        await Eventually.WaitUntilAsync(
            () =>
            {
                if (!done() && time.GetUtcNow() < end)
                {
                    time.Advance(limit / 30);
                }

                return done() || time.GetUtcNow() >= end;
            },
            "the command to finish or the time limit");
    }
}
