using Microsoft.Extensions.Time.Testing;
using SmsGateway.Modem.At;

namespace SmsGateway.Modem.Tests.At;

public sealed class AtChannelFailureTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Execute_NoAnswer_TimesOutAtTheTimeoutAndChannelStaysUsable()
    {
        var time = new FakeTimeProvider();
        var modem = new ScriptedModemStream().Expect("AT+CGSN").Expect("AT", "\r\nOK\r\n");
        await using var sut = new AtChannel(modem, timeProvider: time);

        var silent = sut.ExecuteAsync("AT+CGSN", Timeout, CancellationToken.None);
        await modem.WaitForCommandsAsync(1);
        time.Advance(Timeout - TimeSpan.FromMilliseconds(1));
        Assert.False(silent.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));

        var error = await Assert.ThrowsAsync<AtTimeoutException>(() => silent.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.False(error.PayloadSent);
        Assert.Equal(Timeout, error.Timeout);
        var next = await sut.ExecuteAsync("AT", Timeout, CancellationToken.None);
        Assert.Empty(next.Lines);
    }

    [Fact]
    public async Task Execute_LateResultOfTimedOutCommand_IsIgnored()
    {
        var time = new FakeTimeProvider();
        var modem = new ScriptedModemStream().Expect("AT+COPS?").Expect("AT+CSQ", "\r\n+CSQ: 9,99\r\n\r\nOK\r\n");
        await using var sut = new AtChannel(modem, timeProvider: time);
        var silent = sut.ExecuteAsync("AT+COPS?", Timeout, CancellationToken.None);
        await modem.WaitForCommandsAsync(1);
        time.Advance(Timeout);
        await Assert.ThrowsAsync<AtTimeoutException>(() => silent.WaitAsync(TimeSpan.FromSeconds(5)));

        modem.Push("\r\nOK\r\n", "\r\n+CREG: 1\r\n");
        Assert.Equal("+CREG", (await AtChannelTranscriptTests.ReadUrcAsync(sut)).Name);
        var next = await sut.ExecuteAsync("AT+CSQ", Timeout, CancellationToken.None);

        Assert.Equal(["+CSQ: 9,99"], next.Lines);
    }

    [Fact]
    public async Task ExecuteWithPayload_NoPrompt_TimesOutAndSendsEscape()
    {
        var time = new FakeTimeProvider();
        var modem = new ScriptedModemStream().Expect("AT+CMGS=23").Expect("<ESC>");
        await using var sut = new AtChannel(modem, timeProvider: time);

        var send = sut.ExecuteWithPayloadAsync("AT+CMGS=23", "00AA", Timeout, CancellationToken.None);
        await modem.WaitForCommandsAsync(1);
        time.Advance(Timeout);

        var error = await Assert.ThrowsAsync<AtTimeoutException>(() => send.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.False(error.PayloadSent);
        Assert.Equal(["AT+CMGS=23", "<ESC>"], modem.Commands);
    }

    [Fact]
    public async Task ExecuteWithPayload_NoAnswerAfterPdu_TimeoutSaysPayloadSent()
    {
        var time = new FakeTimeProvider();
        var modem = new ScriptedModemStream().Expect("AT+CMGS=23", "\r\n> ").Expect("00AA");
        await using var sut = new AtChannel(modem, timeProvider: time);

        var send = sut.ExecuteWithPayloadAsync("AT+CMGS=23", "00AA", Timeout, CancellationToken.None);
        await modem.WaitForCommandsAsync(2);
        time.Advance(Timeout);

        var error = await Assert.ThrowsAsync<AtTimeoutException>(() => send.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.True(error.PayloadSent);
    }

    [Fact]
    public async Task ExecuteWithPayload_CallerCancelsAfterPdu_StillWaitsForTheModem()
    {
        var modem = new ScriptedModemStream().Expect("AT+CMGS=23", "\r\n> ").Expect("00AA");
        await using var sut = new AtChannel(modem);
        using var cts = new CancellationTokenSource();

        var send = sut.ExecuteWithPayloadAsync("AT+CMGS=23", "00AA", Timeout, cts.Token);
        await modem.WaitForCommandsAsync(2);
        await cts.CancelAsync();
        modem.Push("\r\n+CMGS: 5\r\n\r\nOK\r\n");

        var response = await send.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("5", response.ValueOf("+CMGS:"));
    }

    [Fact]
    public async Task Execute_StreamEndsMidCommand_FailsPromptlyAndChannelCloses()
    {
        var modem = new ScriptedModemStream().Expect("AT+CMGL=4", "\r\n+CMGL: 1,0,,24\r\n");
        await using var sut = new AtChannel(modem);

        var pending = sut.ExecuteAsync("AT+CMGL=4", Timeout, CancellationToken.None);
        await modem.WaitForCommandsAsync(1);
        modem.End();

        var error = await Assert.ThrowsAsync<AtChannelClosedException>(() => pending.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.False(error.PayloadSent);
        await sut.Completion.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.NotNull(sut.CloseReason);
        await Assert.ThrowsAsync<AtChannelClosedException>(() => sut.ExecuteAsync("AT", Timeout, CancellationToken.None));
        Assert.False(await sut.Urcs.WaitToReadAsync());
    }

    [Fact]
    public async Task ExecuteWithPayload_StreamThrowsAfterPdu_ReportsPayloadSent()
    {
        var modem = new ScriptedModemStream().Expect("AT+CMGS=23", "\r\n> ").Expect("00AA");
        await using var sut = new AtChannel(modem);

        var send = sut.ExecuteWithPayloadAsync("AT+CMGS=23", "00AA", Timeout, CancellationToken.None);
        await modem.WaitForCommandsAsync(2);
        modem.Fail(new IOException("device reports readiness to read but returned no data"));

        var error = await Assert.ThrowsAsync<AtChannelClosedException>(() => send.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.True(error.PayloadSent);
        Assert.Contains("device reports readiness", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_CallerCancels_ThrowsOperationCanceledAndChannelStaysUsable()
    {
        var modem = new ScriptedModemStream().Expect("AT+CIMI").Expect("AT", "\r\nOK\r\n");
        await using var sut = new AtChannel(modem);
        using var cts = new CancellationTokenSource();

        var pending = sut.ExecuteAsync("AT+CIMI", Timeout, cts.Token);
        await modem.WaitForCommandsAsync(1);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending.WaitAsync(TimeSpan.FromSeconds(5)));
        await sut.ExecuteAsync("AT", Timeout, CancellationToken.None);
    }

    [Fact]
    public async Task Execute_PinCommandFails_NeverShowsThePin()
    {
        var time = new FakeTimeProvider();
        var modem = new ScriptedModemStream().Expect("AT+CPIN=\"4711\"", "AT+CPIN=\"4711\"\r").Expect("AT+CPIN=\"4711\"", "\r\n+CME ERROR: 16\r\n");
        await using var sut = new AtChannel(modem, timeProvider: time);

        var silent = sut.ExecuteAsync("AT+CPIN=\"4711\"", Timeout, CancellationToken.None);
        await modem.WaitForCommandsAsync(1);
        time.Advance(Timeout);
        var timeout = await Assert.ThrowsAsync<AtTimeoutException>(() => silent.WaitAsync(TimeSpan.FromSeconds(5)));
        var refused = await Assert.ThrowsAsync<AtCommandException>(() => sut.ExecuteAsync("AT+CPIN=\"4711\"", Timeout, CancellationToken.None));

        Assert.All(new AtException[] { timeout, refused }, e => Assert.DoesNotContain("4711", e.Message + e.Command, StringComparison.Ordinal));
    }
}
