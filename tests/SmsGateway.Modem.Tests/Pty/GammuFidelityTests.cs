using SmsGateway.Modem.Simulator;
using SmsGateway.Modem.Tests.Support;
using SmsGateway.Testing;
using SmsGateway.Testing.Pty;

namespace SmsGateway.Modem.Tests.Pty;

/// <summary>
/// Gammu is a mature third-party AT client: if it identifies the simulator and sends through it, the simulator's
/// dialect is close enough to a real modem that the gateway's own driver is not just tested against itself.
/// </summary>
public sealed class GammuFidelityTests
{
    private static readonly TimeSpan _gammuTimeout = TimeSpan.FromSeconds(60);

    [PtyFact(needsGammu: true)]
    public async Task Identify_PrintsTheConfiguredManufacturerAndImei()
    {
        await using var pty = await SocatPtyPair.CreateAsync();
        using var modem = new SimulatedModem(new SimulatorOptions { Manufacturer = "ACME Wireless", Imei = "356938035643809" });
        await using var host = new PtySimulatorHost(modem, pty.DevicePath);

        var (exitCode, output) = await RunGammuAsync(pty, "--identify");

        Assert.True(exitCode == 0, $"gammu exited with {exitCode}:\n{output}\n{GammuLog(pty)}");
        Assert.Contains("ACME Wireless", output, StringComparison.Ordinal);
        Assert.Contains("356938035643809", output, StringComparison.Ordinal);
    }

    [PtyFact(needsGammu: true)]
    public async Task SendSms_TransmitsThePduToTheNumberWithTheText()
    {
        await using var pty = await SocatPtyPair.CreateAsync();
        var airLog = pty.Directory.File("air.jsonl");
        using var modem = new SimulatedModem(new SimulatorOptions { SendDelayMs = 10, AirLog = airLog });
        await using var host = new PtySimulatorHost(modem, pty.DevicePath);

        var (exitCode, output) = await RunGammuAsync(pty, "sendsms", "TEXT", "+4915112345678", "-text", "Hello from gammu");

        Assert.True(exitCode == 0, $"gammu exited with {exitCode}:\n{output}\n{GammuLog(pty)}");
        var sent = Assert.Single(modem.Transmissions);
        Assert.Equal(("+4915112345678", "Hello from gammu", "gsm7"), (sent.To, sent.Text, sent.Encoding));
        Assert.Contains("\"text\":\"Hello from gammu\"", Assert.Single(await File.ReadAllLinesAsync(airLog)), StringComparison.Ordinal);
    }

    [PtyFact(needsGammu: true)]
    public async Task SendSms_LongUnicodeText_ArrivesAsConcatenatedUcs2Parts()
    {
        await using var pty = await SocatPtyPair.CreateAsync();
        using var modem = new SimulatedModem(new SimulatorOptions { SendDelayMs = 10 });
        await using var host = new PtySimulatorHost(modem, pty.DevicePath);
        var text = string.Concat(Enumerable.Repeat("Grüße aus Köln – ", 6)).TrimEnd();

        var (exitCode, output) = await RunGammuAsync(pty, "sendsms", "TEXT", "+4915112345678", "-len", "400", "-unicode", "-text", text);

        Assert.True(exitCode == 0, $"gammu exited with {exitCode}:\n{output}\n{GammuLog(pty)}");
        var parts = modem.Transmissions;
        Assert.True(parts.Count > 1, $"expected several parts, got {parts.Count}");
        Assert.All(parts, p => Assert.Equal(("ucs2", parts.Count), (p.Encoding, p.Parts)));
        Assert.Single(parts.Select(p => p.Reference).Distinct());
        Assert.Equal(text, string.Concat(parts.OrderBy(p => p.Part).Select(p => p.Text)));
    }

    [PtyFact(needsGammu: true)]
    public async Task GetAllSms_ReadsInjectedMessages()
    {
        await using var pty = await SocatPtyPair.CreateAsync();
        using var modem = new SimulatedModem(new SimulatorOptions());
        await using var host = new PtySimulatorHost(modem, pty.DevicePath);
        modem.InjectInbound("+4917612345678", "Injected for gammu");

        var (exitCode, output) = await RunGammuAsync(pty, "getallsms");

        Assert.True(exitCode == 0, $"gammu exited with {exitCode}:\n{output}\n{GammuLog(pty)}");
        Assert.Contains("Injected for gammu", output, StringComparison.Ordinal);
        Assert.Contains("+4917612345678", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunGammuAsync(SocatPtyPair pty, params string[] command)
    {
        var config = pty.Directory.File("gammurc");
        await File.WriteAllTextAsync(config,
            $"[gammu]\ndevice = {pty.HostPath}\nconnection = at115200\nlogfile = {pty.Directory.File("gammu.log")}\nlogformat = textalldate\n");
        return await ExternalTool.RunAsync(ExternalTool.Find("gammu")!, ["-c", config, .. command], _gammuTimeout);
    }

    private static string GammuLog(SocatPtyPair pty) =>
        File.Exists(pty.Directory.File("gammu.log")) ? File.ReadAllText(pty.Directory.File("gammu.log")) : "(no gammu log)";
}
