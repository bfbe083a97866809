using SmsGateway.Modem.Tests.At;
using static SmsGateway.Modem.Tests.Driver.ModemTranscripts;

namespace SmsGateway.Modem.Tests.Driver;

public sealed class GsmModemStatusTests
{
    [Fact]
    public async Task Probe_UrcArrivesWhileTheReadIsInFlight_TheOlderReadDoesNotOverwriteIt()
    {
        var modem = new ScriptedModemStream();
        await using var harness = await GsmModemHarness.ConnectedAsync(modem);
        Assert.True(harness.Modem.Status.Registered);

        // The read answers "registered" and then waits in AT+COPS? for the test: the registration is lost meanwhile.
        modem.Expect("AT", Ok)
            .Expect("AT+CSQ", "\r\n+CSQ: 20,99\r\n", Ok)
            .Expect("AT+CREG?", "\r\n+CREG: 0,1\r\n", Ok)
            .Expect("AT+COPS?");
        var probe = harness.Modem.ProbeAsync(CancellationToken.None);
        await modem.WaitForCommandAsync("AT+COPS?");
        modem.Push("\r\n+CREG: 0\r\n");
        await harness.WaitUntilAsync(() => !harness.Modem.Status.Registered, "the +CREG URC applied");

        modem.Push("\r\n+COPS: 0,0,\"Telekom.de\",2\r\n", Ok);
        await probe;

        Assert.False(harness.Modem.Status.Registered);
    }
}
