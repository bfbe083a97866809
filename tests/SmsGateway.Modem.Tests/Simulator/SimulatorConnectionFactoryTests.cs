using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmsGateway.Core.Modem;
using SmsGateway.Modem.Driver;
using SmsGateway.Modem.Simulator;
using SmsGateway.Modem.Tests.Driver;
using SmsGateway.Modem.Tests.Support;
using SmsGateway.Testing;

namespace SmsGateway.Modem.Tests.Simulator;

/// <summary>The product's default modem: the real driver on the simulator through an in-process stream pair.</summary>
public sealed class SimulatorConnectionFactoryTests
{
    private const string To = "+4915112345678";

    [Fact]
    public async Task OpenAsync_ServesTheSimulatorOnTheOtherEnd()
    {
        using var modem = new SimulatedModem(new SimulatorOptions());
        await using var factory = new SimulatorConnectionFactory(modem);

        await using var client = new TestAtClient(await factory.OpenAsync(CancellationToken.None));

        Assert.Equal("AT+CGMM\r\r\nSIMCOM_SIM800\r\n\r\nOK\r\n", await client.SendAsync("AT+CGMM"));
        Assert.Equal(1, modem.ConnectionCount);
    }

    [Fact]
    public async Task OpenAsync_Again_EndsThePreviousConnectionButKeepsTheDevice()
    {
        using var modem = new SimulatedModem(new SimulatorOptions());
        await using var factory = new SimulatorConnectionFactory(modem);
        await using var first = new TestAtClient(await factory.OpenAsync(CancellationToken.None));
        await first.SendAsync("ATE0");
        modem.InjectInbound("+4917612345678", "still on the SIM");

        await using var second = new TestAtClient(await factory.OpenAsync(CancellationToken.None));

        await Assert.ThrowsAsync<EndOfStreamException>(() => first.WaitForAsync("never"));
        Assert.StartsWith("\r\n+CMGL: 1,0,,", await second.SendAsync("AT+CMGL=4"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Driver_OnTheSimulator_SendsReceivesAndSurvivesClosePort()
    {
        using var modem = new SimulatedModem(new SimulatorOptions { SendDelayMs = 0, DeliveryReportDelayMs = 10 });
        await using var factory = new SimulatorConnectionFactory(modem);
        var sink = new RecordingEventSink();
        var options = Options.Create(new ModemOptions { CommandTimeout = TimeSpan.FromSeconds(2) });
        using var driver = new GsmModem(factory, sink, sink, options, TimeProvider.System);
        await driver.StartAsync(CancellationToken.None);
        try
        {
            await EventuallyAsync(() => driver.Status.Connected, "connected");
            Assert.Equal(("SIMCOM_Ltd", "Simulated GSM", true), (driver.Status.Manufacturer, driver.Status.Operator, driver.Status.Registered));

            var receipt = await driver.SendAsync(new ModemSendRequest(To, "in-process"), CancellationToken.None);
            modem.InjectInbound("+4917612345678", "hello gateway");
            await EventuallyAsync(() => sink.Parts.Count == 1 && sink.Reports.Count == 1, "inbound SMS and status report handed over");
            Assert.Equal(receipt.PartReferences[0], sink.Reports[0].MessageReference);

            modem.ClosePort();
            await EventuallyAsync(() => modem.ConnectionCount == 2 && driver.Status.Connected, "reconnected after the port closed");
            await driver.SendAsync(new ModemSendRequest(To, "after reconnect"), CancellationToken.None);
            Assert.Equal(["in-process", "after reconnect"], modem.Transmissions.Select(t => t.Text));
        }
        finally
        {
            await driver.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task AddModemSimulator_BindsOptionsAndRegistersTheFactory()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Modem:Simulator:SendDelayMs"] = "5",
            ["Modem:Simulator:DeliveryReports"] = "failed",
            ["Modem:Simulator:Manufacturer"] = "Configured",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();

        services.AddModemSimulator();
        await using var provider = services.BuildServiceProvider();

        var factory = Assert.IsType<SimulatorConnectionFactory>(provider.GetRequiredService<IModemConnectionFactory>());
        Assert.Same(provider.GetRequiredService<SimulatedModem>(), factory.Modem);
        Assert.Equal((5, SimulatedDeliveryOutcome.Failed, "Configured"),
            (factory.Modem.Options.SendDelayMs, factory.Modem.Options.DeliveryReports, factory.Modem.Options.Manufacturer));
    }

    [Fact]
    public async Task AddModemSimulator_InvalidOption_FailsValidationNamingIt()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Modem:Simulator:SignalRssi"] = "150",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddModemSimulator();
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SimulatorOptions>>().Value);

        Assert.Contains("SignalRssi", error.Message, StringComparison.Ordinal);
    }

    private static Task EventuallyAsync(Func<bool> condition, string what) =>
        Eventually.WaitUntilAsync(condition, what, TimeSpan.FromSeconds(20));
}
