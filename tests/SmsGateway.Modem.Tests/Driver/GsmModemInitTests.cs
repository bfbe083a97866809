using SmsGateway.Core.Modem;
using SmsGateway.Modem.Driver;
using SmsGateway.Modem.Tests.At;
using static SmsGateway.Modem.Tests.Driver.ModemTranscripts;

namespace SmsGateway.Modem.Tests.Driver;

public sealed class GsmModemInitTests
{
    [Fact]
    public async Task Start_SimNeedsPin_EntersPinThenConfiguresInOrder()
    {
        var modem = new ScriptedModemStream()
            .Expect("AT", "AT\r", Ok)
            .Expect("ATE0", "ATE0\r", Ok)
            .Expect("AT+CMEE=1", Ok)
            .Expect("AT+CPIN?", "\r\n+CPIN: SIM PIN\r\n", Ok)
            .Expect("AT+CPIN=\"1234\"", Ok)
            .Expect("AT+CPIN?", "\r\n+CPIN: READY\r\n", Ok)
            .ExpectConfiguration()
            .ExpectIdentityAndStatus()
            .Expect("AT+CMGL=4", Ok);

        await using var harness = await GsmModemHarness.StartAsync(new ModemOptions { Port = "scripted", Pin = "1234" }, modem);
        await harness.WaitUntilAsync(() => harness.Modem.Status.Connected, "connected");
        await modem.WaitForCommandAsync("AT+CMGL=4");

        Assert.Empty(modem.Unexpected);
        Assert.Equal(0, modem.RemainingExpectations);
        var status = harness.Modem.Status;
        Assert.Equal(("huawei", "E3372", "21.180.01.00.00"), (status.Manufacturer, status.Model, status.Revision));
        Assert.Equal(("867223021234567", "262011234567890", "+491710760000"), (status.Imei, status.Imsi, status.SmscAddress));
        Assert.Equal((true, false, -73, "Telekom.de"), (status.Registered, status.Roaming, status.SignalDbm, status.Operator));
        Assert.Null(status.LastError);
    }

    [Fact]
    public async Task Start_UnknownSignalRoamingAndPrefixedIdentity_ParsesStatus()
    {
        // SIMCom SIM7600 answers identity queries with a prefix and no network yet gives rssi 99.
        var modem = new ScriptedModemStream()
            .ExpectSetup()
            .Expect("AT+CGMI", "\r\n+CGMI: \"SIMCOM INCORPORATED\"\r\n", Ok)
            .Expect("AT+CGMM", "\r\n+CGMM: SIMCOM_SIM7600E-H\r\n", Ok)
            .Expect("AT+CGMR", "\r\n+CGMR: LE20B04SIM7600M22\r\n", Ok)
            .Expect("AT+CGSN", "\r\n862636051234567\r\n", Ok)
            .Expect("AT+CIMI", "\r\n+CME ERROR: 3\r\n")
            .Expect("AT+CSCA?", "\r\nERROR\r\n")
            .Expect("AT+CSQ", "\r\n+CSQ: 99,99\r\n", Ok)
            .Expect("AT+CREG?", "\r\n+CREG: 2,5,\"1A2B\",\"01C3D4E\",7\r\n", Ok)
            .Expect("AT+COPS?", "\r\n+COPS: 0,0,\"vodafone.de Roaming\",7\r\n", Ok)
            .Expect("AT+CMGL=4", Ok);

        await using var harness = await GsmModemHarness.StartAsync(null, modem);
        await harness.WaitUntilAsync(() => harness.Modem.Status.Connected, "connected");

        var status = harness.Modem.Status;
        Assert.Equal(("SIMCOM INCORPORATED", "SIMCOM_SIM7600E-H", "LE20B04SIM7600M22"), (status.Manufacturer, status.Model, status.Revision));
        Assert.Null(status.Imsi);
        Assert.Null(status.SmscAddress);
        Assert.Null(status.SignalDbm);
        Assert.Equal((true, true, "vodafone.de Roaming"), (status.Registered, status.Roaming, status.Operator));
    }

    [Fact]
    public async Task Start_CnmiAndCpmsRefused_FallsBackToOtherVariants()
    {
        var modem = new ScriptedModemStream()
            .Expect("AT", Ok)
            .Expect("ATE0", Ok)
            .Expect("AT+CMEE=1", Ok)
            .Expect("AT+CPIN?", "\r\n+CPIN: READY\r\n", Ok)
            .Expect("AT+CMGF=0", Ok)
            .Expect("AT+CNMI=2,1,0,2,0", "\r\n+CMS ERROR: 303\r\n")
            .Expect("AT+CNMI=2,1,0,1,0", Ok)
            .Expect("AT+CPMS=\"SM\",\"SM\",\"SM\"", "\r\n+CMS ERROR: 310\r\n")
            .Expect("AT+CPMS=\"ME\",\"ME\",\"ME\"", "\r\n+CPMS: 3,255,3,255,3,255\r\n", Ok)
            .ExpectIdentityAndStatus()
            .Expect("AT+CMGL=4", Ok);

        await using var harness = await GsmModemHarness.StartAsync(null, modem);
        await harness.WaitUntilAsync(() => harness.Modem.Status.Connected, "connected");
        await modem.WaitForCommandAsync("AT+CMGL=4");

        Assert.Empty(modem.Unexpected);
    }

    [Fact]
    public async Task Start_CpinAnsweredWithoutOk_IsBelievedAndInitialisationGoesOn()
    {
        // Wavecom Multiband: "+CPIN: READY" and no final OK. Before, every start timed out there and backed off.
        var modem = new ScriptedModemStream()
            .Expect("AT", Ok).Expect("ATE0", Ok).Expect("AT+CMEE=1", Ok)
            .Expect("AT+CPIN?", "\r\n+CPIN: READY\r\n")
            .ExpectConfiguration()
            .ExpectIdentityAndStatus()
            .Expect("AT+CMGL=4", Ok);

        await using var harness = await GsmModemHarness.StartAsync(null, modem);
        await harness.WaitUntilAsync(() => AdvanceAndCheck(harness, () => harness.Modem.Status.Connected), "connected");

        Assert.Equal(1, harness.Connections.Opens);
        Assert.Empty(modem.Unexpected);
    }

    [Fact]
    public async Task Start_SimNeedsPinButNoneConfigured_StaysDisconnectedWithClearError()
    {
        var modem = new ScriptedModemStream().ExpectSetup("SIM PIN");

        await using var harness = await GsmModemHarness.StartAsync(null, modem);
        await harness.WaitUntilAsync(() => harness.Modem.Status.LastError?.Contains("Modem:Pin", StringComparison.Ordinal) == true, "PIN error");

        Assert.False(harness.Modem.Status.Connected);
        Assert.DoesNotContain(modem.Commands, c => c.StartsWith("AT+CPIN=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_PinRejected_NeverSendsThePinAgain()
    {
        var first = new ScriptedModemStream()
            .Expect("AT", Ok).Expect("ATE0", Ok).Expect("AT+CMEE=1", Ok)
            .Expect("AT+CPIN?", "\r\n+CPIN: SIM PIN\r\n", Ok)
            .Expect("AT+CPIN=\"1234\"", "\r\n+CME ERROR: 16\r\n");
        var second = new ScriptedModemStream()
            .Expect("AT", Ok).Expect("ATE0", Ok).Expect("AT+CMEE=1", Ok)
            .Expect("AT+CPIN?", "\r\n+CPIN: SIM PIN\r\n", Ok);

        await using var harness = await GsmModemHarness.StartAsync(new ModemOptions { Port = "scripted", Pin = "1234" }, first, second);
        await harness.WaitUntilAsync(() => harness.Modem.Status.LastError?.Contains("rejected", StringComparison.Ordinal) == true, "PIN rejected");
        await harness.WaitUntilAsync(() => AdvanceAndCheck(harness, () => second.Commands.Contains("AT+CPIN?")), "second attempt");

        Assert.DoesNotContain("AT+CPIN=\"1234\"", second.Commands);
        Assert.False(harness.Modem.Status.Connected);
    }

    [Fact]
    public async Task Start_ModemSilent_ResyncsWithEscapeThenGivesUp()
    {
        var modem = new ScriptedModemStream();

        await using var harness = await GsmModemHarness.StartAsync(null, modem);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await modem.WaitForCommandsAsync(attempt == 1 ? 1 : attempt + 1);
            harness.Time.Advance(TimeSpan.FromSeconds(2));
        }

        await harness.WaitUntilAsync(() => harness.Modem.Status.LastError?.Contains("does not answer AT", StringComparison.Ordinal) == true, "sync failure");
        Assert.Equal(["AT", "<ESC>", "AT", "AT", "AT", "AT"], modem.Commands);
    }

    [Fact]
    public async Task Send_WhilePortMissing_FailsFastAsTransient()
    {
        await using var harness = await GsmModemHarness.StartAsync(null);
        await harness.WaitUntilAsync(() => harness.Modem.Status.LastError?.Contains("no such port", StringComparison.Ordinal) == true, "port error");

        var error = await Assert.ThrowsAsync<SmsSendException>(() => harness.Modem.SendAsync(new ModemSendRequest("+4915112345678", "hi"), CancellationToken.None));

        Assert.Equal(SendFailureKind.Transient, error.Kind);
        Assert.Contains("modem not connected", error.Message, StringComparison.Ordinal);
        Assert.Contains("no such port", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PortLost_ReportsDisconnectedThenReopensWithBackoff()
    {
        var first = new ScriptedModemStream().ExpectInit();
        var second = new ScriptedModemStream().ExpectInit();
        await using var harness = await GsmModemHarness.StartAsync(null, first, second);
        await harness.WaitUntilAsync(() => harness.Modem.Status.Connected, "connected");
        await first.WaitForCommandAsync("AT+CMGL=4");

        first.End();
        await harness.WaitUntilAsync(() => !harness.Modem.Status.Connected, "disconnected");
        Assert.Contains("stream ended", harness.Modem.Status.LastError, StringComparison.Ordinal);
        Assert.Equal(1, harness.Connections.Opens);

        await harness.WaitUntilAsync(() => AdvanceAndCheck(harness, () => harness.Modem.Status.Connected), "reconnected");
        Assert.Equal(2, harness.Connections.Opens);
    }

    /// <summary>Moves fake time on in small steps, so that whichever delay the driver is in elapses.</summary>
    private static bool AdvanceAndCheck(GsmModemHarness harness, Func<bool> condition)
    {
        if (condition())
        {
            return true;
        }

        harness.Time.Advance(TimeSpan.FromMilliseconds(500));
        return condition();
    }
}
