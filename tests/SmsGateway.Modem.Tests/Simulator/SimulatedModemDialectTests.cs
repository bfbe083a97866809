using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmsGateway.Modem.Simulator;
using SmsGateway.Modem.Tests.Support;

namespace SmsGateway.Modem.Tests.Simulator;

/// <summary>The simulator's dialects (<c>Modem:Simulator:Dialect</c>) as a host sees them on the wire.</summary>
public sealed class SimulatedModemDialectTests
{
    [Fact]
    public async Task Wavecom_AnswersCpinWithTheLineAndNoOk()
    {
        await using var sim = await InProcessSimulator.StartAsync(o => o.Dialect = "wavecom");

        await sim.Client.WriteAsync("AT+CPIN?\r");
        await sim.Client.WaitForAsync("+CPIN: READY\r\n");

        Assert.DoesNotContain("OK", await sim.Client.DrainAsync(TimeSpan.FromMilliseconds(200)), StringComparison.Ordinal);
        Assert.Equal("\r\nWAVECOM MODEM\r\n\r\nOK\r\n", await sim.Client.SendAsync("AT+CGMI"));
    }

    [Fact]
    public async Task Nokia_RefusesCnmiAndCpms_ButListsItsStorage()
    {
        await using var sim = await InProcessSimulator.StartAsync(o => o.Dialect = "nokia");
        await sim.Client.SendAsync("AT+CMGF=0");

        Assert.EndsWith("\r\nERROR\r\n", await sim.Client.SendAsync("AT+CNMI=2,1"), StringComparison.Ordinal);
        Assert.EndsWith("\r\nERROR\r\n", await sim.Client.SendAsync("AT+CPMS=\"SM\""), StringComparison.Ordinal);
        Assert.EndsWith("\r\nOK\r\n", await sim.Client.SendAsync("AT+CMGL=4"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotSupport_RefusesWithCommandNotSupport()
    {
        await using var sim = await InProcessSimulator.StartAsync(o => o.Dialect = "notsupport");

        await sim.Client.WriteAsync("AT+CMMS=2\r");
        await sim.Client.WaitForAsync("\r\nCOMMAND NOT SUPPORT\r\n");

        Assert.Equal("\r\nOK\r\n", await sim.Client.SendAsync("AT"));
    }

    [Fact]
    public async Task Wavecom_TakesCpmsWithTwoStoragesOnly()
    {
        await using var sim = await InProcessSimulator.StartAsync(o => o.Dialect = "wavecom");

        Assert.EndsWith("\r\nERROR\r\n", await sim.Client.SendAsync("AT+CPMS=\"SM\",\"SM\",\"SM\""), StringComparison.Ordinal);
        Assert.Contains("+CPMS:", await sim.Client.SendAsync("AT+CPMS=\"SM\",\"SM\""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Zte_SurroundsThePromptWithItsStatusLines()
    {
        await using var sim = await InProcessSimulator.StartAsync(o => o.Dialect = "zte");
        await sim.Client.SendAsync("AT+CMGF=0");

        await sim.Client.WriteAsync("AT+CMGS=10\r");
        var prompt = await sim.Client.WaitForAsync("> ");
        await sim.Client.WriteAsync("\x1B");

        Assert.EndsWith("\r\n+ZPASR: \"UMTS\"\r\n\r\n> ", prompt, StringComparison.Ordinal);
        Assert.Contains("+ZDONR:", await sim.Client.WaitForFinalAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sim800_WritesItsStartUpBanners()
    {
        await using var sim = await InProcessSimulator.StartAsync(o => o.Dialect = "sim800", quiet: false);

        var banners = await sim.Client.WaitForAsync("SMS Ready\r\n");

        Assert.Contains("\r\nCall Ready\r\n", banners, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectionDescription_NamesTheDialectsModel()
    {
        using var modem = new SimulatedModem(new SimulatorOptions { Dialect = "quectel" });
        await using var connections = new SimulatorConnectionFactory(modem);

        Assert.Equal("simulated modem (EC25, in-process)", connections.Description);
    }

    [Fact]
    public async Task AddModemSimulator_UnknownDialect_IsRefusedAtStartNamingTheSettingAndTheChoices()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Modem:Simulator:Dialect"] = "motorola",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddModemSimulator();
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SimulatorOptions>>().Value);

        Assert.Contains("Modem:Simulator:Dialect", error.Message, StringComparison.Ordinal);
        Assert.Contains("huawei", error.Message, StringComparison.Ordinal);
    }
}
