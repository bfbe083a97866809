using SmsGateway.Modem.Driver;
using SmsGateway.Modem.Tests.At;
using static SmsGateway.Modem.Tests.Driver.ModemTranscripts;

namespace SmsGateway.Modem.Tests.Driver;

public sealed class ModemProbeTests
{
    [Fact]
    public async Task Run_QuectelWithPin_ReportsEverything()
    {
        var modem = new ScriptedModemStream()
            .Expect("AT", "AT\r", Ok)
            .Expect("ATE0", "ATE0\r", Ok)
            .Expect("AT+CMEE=1", Ok)
            .Expect("AT+CPIN?", "\r\n+CPIN: SIM PIN\r\n", Ok)
            .Expect("AT+CPIN=\"0000\"", Ok)
            .Expect("AT+CPIN?", "\r\n+CPIN: READY\r\n", Ok)
            .Expect("AT+CGMI", "\r\nQuectel\r\n", Ok)
            .Expect("AT+CGMM", "\r\nEC25\r\n", Ok)
            .Expect("AT+CGMR", "\r\nRevision: EC25EFAR06A06M4G\r\n", Ok)
            .Expect("AT+CGSN", "\r\n866758041234567\r\n", Ok)
            .Expect("AT+CIMI", "\r\n262071234567890\r\n", Ok)
            .Expect("AT+CSCA?", "\r\n+CSCA: \"+491760000443\",145\r\n", Ok)
            .Expect("AT+CSQ", "\r\n+CSQ: 25,99\r\n", Ok)
            .Expect("AT+CREG?", "\r\n+CREG: 0,1\r\n", Ok)
            .Expect("AT+COPS?", "\r\n+COPS: 0,0,\"o2 - de\",7\r\n", Ok)
            .Expect("AT+CPMS?", "\r\n+CPMS: \"SM\",3,50,\"SM\",3,50,\"SM\",3,50\r\n", Ok)
            .Expect("AT+CNMI=?", "\r\n+CNMI: (0-2),(0-3),(0,2),(0-2),(0,1)\r\n", Ok)
            .Expect("AT+CPMS=?", "\r\n+CPMS: (\"SM\",\"ME\"),(\"SM\",\"ME\"),(\"SM\",\"ME\")\r\n", Ok);

        var result = await ModemProbe.RunAsync(new ScriptedConnectionFactory(modem), new ModemOptions { Pin = "0000" }, CancellationToken.None);

        Assert.Null(result.Error);
        Assert.True(result.Responded);
        Assert.Equal(("Quectel", "EC25", "READY"), (result.Manufacturer, result.Model, result.SimState));
        Assert.Equal(("home", "o2 - de", -63), (result.Registration, result.Operator, result.SignalDbm));
        Assert.Equal(("SM", 3, 50), (result.Storage, result.StorageUsed, result.StorageTotal));
        Assert.Equal("+491760000443", result.SmscAddress);
        Assert.Empty(modem.Unexpected);
        Assert.Contains("-> AT+CGMI", result.Transcript);
        Assert.Contains("<- Quectel", result.Transcript);
        Assert.Contains("<- +CNMI: (0-2),(0-3),(0,2),(0-2),(0,1)", result.Transcript);
        Assert.Contains("-> AT+CPIN=***", result.Transcript);
        Assert.DoesNotContain(result.Transcript, line => line.Contains("\"0000\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_PortMissing_ReportsErrorWithoutThrowing()
    {
        var result = await ModemProbe.RunAsync(new ScriptedConnectionFactory(), new ModemOptions(), CancellationToken.None);

        Assert.False(result.Responded);
        Assert.Equal("no such port: scripted", result.Error);
    }
}
