using SmsGateway.Core.Modem;
using SmsGateway.Modem.Tests.At;
using static SmsGateway.Modem.Tests.Driver.ModemTranscripts;

namespace SmsGateway.Modem.Tests.Driver;

/// <summary>Modems that take only some forms of AT+CPMS, and phones that take no AT+CNMI at all (issue 15, case 4).</summary>
public sealed class GsmModemReceivingTests
{
    private const string Error = "\r\nERROR\r\n";

    [Fact]
    public async Task Start_ThreeArgumentCpmsRefused_FallsBackToTheTwoArgumentForm()
    {
        var modem = new ScriptedModemStream()
            .Expect("AT", Ok).Expect("ATE0", Ok).Expect("AT+CMEE=1", Ok)
            .Expect("AT+CPIN?", "\r\n+CPIN: READY\r\n", Ok)
            .Expect("AT+CMGF=0", Ok)
            .Expect("AT+CNMI=2,1,0,2,0", Ok)
            .Expect("AT+CPMS=\"SM\",\"SM\",\"SM\"", Error)
            .Expect("AT+CPMS=\"ME\",\"ME\",\"ME\"", Error)
            .Expect("AT+CPMS=\"MT\",\"MT\",\"MT\"", Error)
            .Expect("AT+CPMS=\"SM\",\"SM\"", "\r\n+CPMS: 0,20,0,20\r\n", Ok)
            .ExpectIdentityAndStatus()
            .Expect("AT+CMGL=4", Ok);

        await using var harness = await GsmModemHarness.StartAsync(null, modem);
        await harness.WaitUntilAsync(() => harness.Modem.Status.Connected, "connected");
        await modem.WaitForCommandAsync("AT+CMGL=4");

        Assert.Empty(modem.Unexpected);
        Assert.Equal(0, modem.RemainingExpectations);
        Assert.Equal((ModemReceiving.Notified, ModemReceiving.Notified), (harness.Modem.Status.Inbound, harness.Modem.Status.Reports));
    }

    [Fact]
    public async Task Start_PhoneWithoutCnmiOrCpms_PollsItsStorageEveryStatusInterval()
    {
        // A Nokia phone in AT mode: PDU mode and AT+CMGL work, no +CNMI and no +CPMS.
        var modem = NokiaSetup().ExpectIdentityAndStatus().Expect("AT+CMGL=4", Ok);
        modem.UnscriptedReply = Ok;

        await using var harness = await GsmModemHarness.StartAsync(null, modem);
        await harness.WaitUntilAsync(() => harness.Modem.Status.Inbound == ModemReceiving.Polled, "inbound polled");
        Assert.Equal(ModemReceiving.Unavailable, harness.Modem.Status.Reports);
        var lists = modem.Commands.Count(c => c == "AT+CMGL=4");

        harness.Time.Advance(harness.Options.StatusInterval);

        await harness.WaitUntilAsync(() => modem.Commands.Count(c => c == "AT+CMGL=4") == lists + 1, "a list after one status interval, not the storage sweep's five minutes");
    }

    [Fact]
    public async Task Start_PhoneThatListsNothingEither_SaysInboundAndReportsAreUnavailable()
    {
        var modem = NokiaSetup().ExpectIdentityAndStatus().Expect("AT+CMGL=4", Error);

        await using var harness = await GsmModemHarness.StartAsync(null, modem);
        await harness.WaitUntilAsync(() => harness.Modem.Status.Inbound != ModemReceiving.Unknown, "receiving known");

        Assert.True(harness.Modem.Status.Connected);
        Assert.Equal((ModemReceiving.Unavailable, ModemReceiving.Unavailable), (harness.Modem.Status.Inbound, harness.Modem.Status.Reports));
    }

    private static ScriptedModemStream NokiaSetup() =>
        new ScriptedModemStream()
            .Expect("AT", Ok).Expect("ATE0", Ok).Expect("AT+CMEE=1", Ok)
            .Expect("AT+CPIN?", "\r\n+CPIN: READY\r\n", Ok)
            .Expect("AT+CMGF=0", Ok)
            .Expect("AT+CNMI=2,1,0,2,0", Error).Expect("AT+CNMI=2,1,0,1,0", Error).Expect("AT+CNMI=2,1", Error)
            .Expect("AT+CPMS=\"SM\",\"SM\",\"SM\"", Error).Expect("AT+CPMS=\"ME\",\"ME\",\"ME\"", Error).Expect("AT+CPMS=\"MT\",\"MT\",\"MT\"", Error)
            .Expect("AT+CPMS=\"SM\",\"SM\"", Error).Expect("AT+CPMS=\"SM\"", Error);
}
