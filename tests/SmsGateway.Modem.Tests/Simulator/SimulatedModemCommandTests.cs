using SmsGateway.Modem.Tests.Support;

namespace SmsGateway.Modem.Tests.Simulator;

public sealed class SimulatedModemCommandTests
{
    [Fact]
    public async Task Echo_AtPowerUp_EchoesTheCommandBeforeTheAnswer()
    {
        await using var sim = await InProcessSimulator.StartAsync(quiet: false);

        var answer = await sim.Client.SendAsync("AT");

        Assert.Equal("AT\r\r\nOK\r\n", answer);
    }

    [Fact]
    public async Task Ate0_TurnsEchoOff()
    {
        await using var sim = await InProcessSimulator.StartAsync(quiet: false);

        Assert.Equal("ATE0\r\r\nOK\r\n", await sim.Client.SendAsync("ATE0"));
        Assert.Equal("\r\nOK\r\n", await sim.Client.SendAsync("AT"));
    }

    [Fact]
    public async Task Identity_AnswersTheConfiguredValues()
    {
        await using var sim = await InProcessSimulator.StartAsync(o =>
        {
            o.Manufacturer = "ACME";
            o.Model = "Fake800";
            o.Imei = "356938035643809";
            o.Imsi = "262019876543210";
        });

        Assert.Equal("\r\nACME\r\n\r\nOK\r\n", await sim.Client.SendAsync("AT+CGMI"));
        Assert.Equal("\r\nFake800\r\n\r\nOK\r\n", await sim.Client.SendAsync("AT+CGMM"));
        Assert.Equal("\r\n356938035643809\r\n\r\nOK\r\n", await sim.Client.SendAsync("AT+CGSN"));
        Assert.Equal("\r\n262019876543210\r\n\r\nOK\r\n", await sim.Client.SendAsync("AT+CIMI"));
        Assert.Contains("Model: Fake800", await sim.Client.SendAsync("ATI"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Radio_AnswersSignalRegistrationAndOperator()
    {
        await using var sim = await InProcessSimulator.StartAsync(o => o.Operator = "TestNet");

        Assert.Equal("\r\n+CSQ: 20,0\r\n\r\nOK\r\n", await sim.Client.SendAsync("AT+CSQ"));
        Assert.Equal("\r\n+CREG: 0,1\r\n\r\nOK\r\n", await sim.Client.SendAsync("AT+CREG?"));
        await sim.Client.SendAsync("AT+CREG=2");
        Assert.Equal("\r\n+CREG: 2,1,\"1A2B\",\"00C3D4\"\r\n\r\nOK\r\n", await sim.Client.SendAsync("AT+CREG?"));
        Assert.Equal("\r\n+COPS: 0,0,\"TestNet\"\r\n\r\nOK\r\n", await sim.Client.SendAsync("AT+COPS?"));
        Assert.Equal("\r\n+CSCA: \"+491710760000\",145\r\n\r\nOK\r\n", await sim.Client.SendAsync("AT+CSCA?"));
    }

    [Fact]
    public async Task SignalAndNetwork_ChangedAtRuntime_AreReported()
    {
        await using var sim = await InProcessSimulator.StartAsync();
        await sim.Client.SendAsync("AT+CREG=1");

        sim.Modem.SetSignal(7);
        sim.Modem.SetNetworkAvailable(false);

        await sim.Client.WaitForAsync("\r\n+CREG: 2\r\n");
        Assert.Equal("\r\n+CSQ: 7,0\r\n\r\nOK\r\n", await sim.Client.SendAsync("AT+CSQ"));
        Assert.Equal("\r\n+COPS: 0\r\n\r\nOK\r\n", await sim.Client.SendAsync("AT+COPS?"));
    }

    [Fact]
    public async Task UnknownCommand_AnswersError()
    {
        await using var sim = await InProcessSimulator.StartAsync();

        Assert.Equal("\r\nERROR\r\n", await sim.Client.SendAsync("AT+XYZZY"));
        Assert.Equal("\r\nERROR\r\n", await sim.Client.SendAsync("AT+CMGF=7"));
    }

    [Fact]
    public async Task ConcatenatedCommands_RunInOrderWithOneFinalResult()
    {
        await using var sim = await InProcessSimulator.StartAsync();

        var answer = await sim.Client.SendAsync("AT+CMGF=0;+CSQ;+CNMI=2,1,0,2,0");

        Assert.Equal("\r\n+CSQ: 20,0\r\n\r\nOK\r\n", answer);
        Assert.Equal("\r\n+CNMI: 2,1,0,2,0\r\n\r\nOK\r\n", await sim.Client.SendAsync("AT+CNMI?"));
    }

    [Fact]
    public async Task LineEndings_CrLfAndGarbageBeforeAt_AreTolerated()
    {
        await using var sim = await InProcessSimulator.StartAsync();

        await sim.Client.WriteAsync("AT\r\n");
        Assert.Equal("\r\nOK\r\n", await sim.Client.WaitForFinalAsync());
        await sim.Client.WriteAsync("\x1b\r\n");
        Assert.Equal("\r\n+CSQ: 20,0\r\n\r\nOK\r\n", await sim.Client.SendAsync("xxAT+CSQ"));
    }

    [Fact]
    public async Task ErrorModes_ShapeCmeErrors()
    {
        await using var sim = await InProcessSimulator.StartAsync(o => o.Pin = "1234");

        await sim.Client.SendAsync("AT+CMEE=0");
        Assert.Equal("\r\nERROR\r\n", await sim.Client.SendAsync("AT+CIMI"));
        await sim.Client.SendAsync("AT+CMEE=1");
        Assert.Equal("\r\n+CME ERROR: 11\r\n", await sim.Client.SendAsync("AT+CIMI"));
        await sim.Client.SendAsync("AT+CMEE=2");
        Assert.Equal("\r\n+CME ERROR: SIM PIN required\r\n", await sim.Client.SendAsync("AT+CIMI"));
        Assert.Equal("\r\n+CMS ERROR: SIM PIN required\r\n", await sim.Client.SendAsync("AT+CMGL=4"));
    }

    [Fact]
    public async Task Pin_UnlocksTheSimOnlyWithTheRightPin()
    {
        await using var sim = await InProcessSimulator.StartAsync(o => o.Pin = "1234");

        Assert.Equal("\r\n+CPIN: SIM PIN\r\n\r\nOK\r\n", await sim.Client.SendAsync("AT+CPIN?"));
        Assert.Equal("\r\n+CREG: 0,0\r\n\r\nOK\r\n", await sim.Client.SendAsync("AT+CREG?"));
        Assert.Equal("\r\n+CMS ERROR: 311\r\n", await sim.Client.SendAsync("AT+CMGL=4"));
        Assert.Equal("\r\n+CME ERROR: 16\r\n", await sim.Client.SendAsync("AT+CPIN=\"0000\""));

        Assert.Equal("\r\nOK\r\n", await sim.Client.SendAsync("AT+CPIN=\"1234\""));

        Assert.Equal("\r\n+CPIN: READY\r\n\r\nOK\r\n", await sim.Client.SendAsync("AT+CPIN?"));
        Assert.Equal("\r\n+CREG: 0,1\r\n\r\nOK\r\n", await sim.Client.SendAsync("AT+CREG?"));
        Assert.Equal("\r\nOK\r\n", await sim.Client.SendAsync("AT+CMGL=4"));
    }

    [Fact]
    public async Task Storage_ReportsUsedAndTotal()
    {
        await using var sim = await InProcessSimulator.StartAsync(o => o.StorageSize = 10);
        sim.Modem.InjectInbound("+4917000000001", "one");

        Assert.Equal("\r\n+CPMS: \"SM\",1,10,\"SM\",1,10,\"SM\",1,10\r\n\r\nOK\r\n", await sim.Client.SendAsync("AT+CPMS?"));
        Assert.Equal("\r\n+CPMS: 1,10,1,10,1,10\r\n\r\nOK\r\n", await sim.Client.SendAsync("AT+CPMS=\"SM\",\"SM\",\"SM\""));
        Assert.Equal("\r\n+CMS ERROR: 302\r\n", await sim.Client.SendAsync("AT+CPMS=\"ME\""));
    }

    [Fact]
    public async Task TextMode_RefusesSmsCommands()
    {
        await using var sim = await InProcessSimulator.StartAsync();

        await sim.Client.SendAsync("AT+CMGF=1");

        Assert.Equal("\r\n+CMS ERROR: 302\r\n", await sim.Client.SendAsync("AT+CMGL=\"ALL\""));
    }
}
