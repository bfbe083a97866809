using SmsGateway.Modem.Driver;
using SmsGateway.Modem.Tests.At;

namespace SmsGateway.Modem.Tests.Driver;

public sealed class GsmModemRecoveryTests
{
    [Fact]
    public async Task ConsecutiveTimeouts_TearDownAndReinitialise()
    {
        var options = new ModemOptions
        {
            Port = "scripted",
            StatusInterval = TimeSpan.FromSeconds(1),
            CommandTimeout = TimeSpan.FromSeconds(1),
            MaxConsecutiveTimeouts = 2,
        };
        var hung = new ScriptedModemStream().ExpectInit();
        var fresh = new ScriptedModemStream().ExpectInit();
        await using var harness = await GsmModemHarness.StartAsync(options, hung, fresh);
        await harness.WaitUntilAsync(() => harness.Modem.Status.Connected, "connected");
        await hung.WaitForCommandAsync("AT+CMGL=4");

        // From now on the first modem answers nothing: two status polls time out.
        await harness.WaitUntilAsync(() => Step(harness, () => harness.Connections.Opens == 2), "reopened");
        await harness.WaitUntilAsync(() => Step(harness, () => harness.Modem.Status.Connected), "connected again");

        Assert.Equal(["AT+CSQ", "AT+CSQ"], hung.Commands.SkipWhile(c => c != "AT+CMGL=4").Skip(1));
        Assert.Equal("AT", fresh.Commands[0]);
    }

    [Fact]
    public async Task Session_TimeoutsInARow_BreakIt_AndAnAnswerInBetweenResetsTheCount()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var modem = new ScriptedModemStream().Expect("AT+CSQ").Expect("AT", ModemTranscripts.Ok).Expect("AT+CSQ").Expect("AT+CSQ");
        await using var channel = new SmsGateway.Modem.At.AtChannel(modem, timeProvider: time);
        using var sut = new ModemSession(channel, new ModemOptions { MaxConsecutiveTimeouts = 2 }, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        await TimeOutAsync(sut, modem, time, 1);
        await sut.ExecuteAsync("AT", CancellationToken.None);
        await TimeOutAsync(sut, modem, time, 3);
        Assert.False(sut.Broken.IsCancellationRequested);
        await TimeOutAsync(sut, modem, time, 4);

        Assert.True(sut.Broken.IsCancellationRequested);
    }

    private static async Task TimeOutAsync(ModemSession session, ScriptedModemStream modem, Microsoft.Extensions.Time.Testing.FakeTimeProvider time, int commandsWritten)
    {
        var command = session.ExecuteAsync("AT+CSQ", CancellationToken.None);
        await modem.WaitForCommandsAsync(commandsWritten);
        time.Advance(session.Options.CommandTimeout);
        await Assert.ThrowsAsync<SmsGateway.Modem.At.AtTimeoutException>(() => command.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    private static bool Step(GsmModemHarness harness, Func<bool> condition)
    {
        if (condition())
        {
            return true;
        }

        harness.Time.Advance(TimeSpan.FromMilliseconds(250));
        return condition();
    }
}
