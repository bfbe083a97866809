using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SmsGateway.Core.Modem;
using SmsGateway.Modem.Driver;
using SmsGateway.Modem.Serial;

namespace SmsGateway.Modem.Tests.Driver;

public sealed class ModemOptionsTests
{
    [Fact]
    public void AddGsmModem_RegistersOneModemAsServiceAndHostedService()
    {
        using var provider = Build(new() { ["Modem:Port"] = "/dev/ttyUSB3", ["Modem:BaudRate"] = "9600" });

        var modem = provider.GetRequiredService<ISmsModem>();

        Assert.Same(modem, provider.GetRequiredService<GsmModem>());
        Assert.Same(modem, provider.GetServices<IHostedService>().OfType<GsmModem>().Single());
        Assert.Equal("/dev/ttyUSB3 at 9600 baud", provider.GetRequiredService<IModemConnectionFactory>().Description);
        Assert.False(modem.Status.Connected);
    }

    [Theory]
    [InlineData("Modem:BaudRate", "0", "BaudRate")]
    [InlineData("Modem:Pin", "12ab", "Modem:Pin")]
    [InlineData("Modem:CommandTimeout", "00:00:00", "CommandTimeout")]
    public void Options_InvalidSetting_FailsNamingIt(string key, string value, string named)
    {
        using var provider = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ModemOptions>>().Value);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SerialPort_MissingPath_SaysNoSuchPort()
    {
        var sut = new SerialPortStreamFactory("/tmp/smsgateway-no-such-dir/ttyA");

        var error = await Assert.ThrowsAsync<ModemPortNotFoundException>(() => sut.OpenAsync(CancellationToken.None));

        Assert.Equal("no such port: /tmp/smsgateway-no-such-dir/ttyA", error.Message);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddSingleton<RecordingEventSink>();
        services.AddSingleton<IInboundSmsSink>(sp => sp.GetRequiredService<RecordingEventSink>());
        services.AddSingleton<IDeliveryReportSink>(sp => sp.GetRequiredService<RecordingEventSink>());
        services.AddSerialModemPort();
        services.AddGsmModem();
        return services.BuildServiceProvider();
    }
}
