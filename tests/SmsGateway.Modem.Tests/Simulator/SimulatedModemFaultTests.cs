using Microsoft.Extensions.Time.Testing;
using SmsGateway.Modem.Pdu;
using SmsGateway.Modem.Simulator;
using SmsGateway.Modem.Tests.Support;

namespace SmsGateway.Modem.Tests.Simulator;

public sealed class SimulatedModemFaultTests
{
    [Fact]
    public async Task AirTimeAndHang_FollowTheTimeProvider()
    {
        var time = new FakeTimeProvider();
        await using var sim = await InProcessSimulator.StartAsync(o => o.SendDelayMs = 60_000, time: time);
        var pdu = PduEncoder.EncodeSubmit("+4915112345678", "slow network")[0];
        await sim.Client.WriteAsync($"AT+CMGS={pdu.TpduLength}\r");
        await sim.Client.WaitForAsync("> ");
        await sim.Client.WriteAsync(pdu.Hex + "\x1A");

        Assert.Equal(string.Empty, await sim.Client.DrainAsync(TimeSpan.FromMilliseconds(100)));
        Assert.Equal("\r\n+CMGS: 1\r\n\r\nOK\r\n", await AdvanceUntilAnsweredAsync(time, sim.Client, TimeSpan.FromMinutes(1)));

        sim.Modem.Hang(TimeSpan.FromHours(1));
        await Assert.ThrowsAsync<TimeoutException>(() => sim.Client.SendAsync("AT", TimeSpan.FromMilliseconds(100)));
        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal("\r\nOK\r\n", await sim.Client.SendAsync("AT"));
    }

    [Fact]
    public async Task Hang_WithReboot_ComesBackWithPowerUpSettings()
    {
        var time = new FakeTimeProvider();
        await using var sim = await InProcessSimulator.StartAsync(o => o.Pin = "1234", time: time);
        await sim.Client.SendAsync("AT+CPIN=\"1234\"");

        sim.Modem.Hang(TimeSpan.FromMinutes(1), reboot: true);
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal("AT+CPIN?\r\r\n+CPIN: SIM PIN\r\n\r\nOK\r\n", await sim.Client.SendAsync("AT+CPIN?"));
    }

    [Fact]
    public async Task ClosePort_EndsTheStreamAndPowerCyclesButKeepsTheSim()
    {
        await using var sim = await InProcessSimulator.StartAsync();
        sim.Modem.InjectInbound("+4917612345678", "kept");

        sim.Modem.ClosePort();

        await sim.Running.WaitAsync(TimeSpan.FromSeconds(5));
        await Assert.ThrowsAsync<EndOfStreamException>(() => sim.Client.WaitForAsync("never"));
        Assert.False(sim.Modem.IsConnected);
        Assert.True(sim.Modem.State.Echo);
        Assert.Equal(1, sim.Modem.State.Storage.Used);
    }

    [Fact]
    public async Task InjectNoise_ArrivesBetweenAnswers()
    {
        await using var sim = await InProcessSimulator.StartAsync();

        sim.Modem.InjectNoise("\xff\x00garbage\r\n"u8);
        sim.Modem.InjectUrc("^RSSI:12");

        await sim.Client.WaitForAsync("garbage\r\n\r\n^RSSI:12\r\n");
        Assert.Equal("\r\nOK\r\n", await sim.Client.SendAsync("AT"));
    }

    [Fact]
    public async Task VendorUrcs_WhenEnabled_ArriveUntilCurcTurnsThemOff()
    {
        await using var sim = await InProcessSimulator.StartAsync(o =>
        {
            o.VendorUrcs = true;
            o.VendorUrcIntervalMs = 20;
        });

        await sim.Client.WaitForAsync("\r\n^", TimeSpan.FromSeconds(2));
        await sim.Client.SendAsync("AT^CURC=0");
        await sim.Client.DrainAsync(TimeSpan.FromMilliseconds(50));

        Assert.DoesNotContain("^", await sim.Client.DrainAsync(TimeSpan.FromMilliseconds(200)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cfun11_ResetsTheSettings()
    {
        await using var sim = await InProcessSimulator.StartAsync();
        await sim.Client.SendAsync("AT+CNMI=2,1,0,1,0");

        await sim.Client.SendAsync("AT+CFUN=1,1");

        Assert.Equal("AT+CNMI?\r\r\n+CNMI: 0,0,0,0,0\r\n\r\nOK\r\n", await sim.Client.SendAsync("AT+CNMI?"));
    }

    [Fact]
    public async Task Options_Defaults_MatchTheDocumentedConfiguration()
    {
        var options = new SimulatorOptions();

        Assert.Equal(("Modem:Simulator", 200, 500, SimulatedDeliveryOutcome.Delivered, null),
            (SimulatorOptions.SectionName, options.SendDelayMs, options.DeliveryReportDelayMs, options.DeliveryReports, options.AirLog));
    }

    // The simulator may not have started its delay yet when the test first advances the clock: advance again until it answers.
    private static async Task<string> AdvanceUntilAnsweredAsync(FakeTimeProvider time, TestAtClient client, TimeSpan step)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (true)
        {
            time.Advance(step);
            try
            {
                return await client.WaitForFinalAsync(TimeSpan.FromMilliseconds(50));
            }
            catch (TimeoutException) when (DateTime.UtcNow < deadline)
            {
            }
        }
    }
}
