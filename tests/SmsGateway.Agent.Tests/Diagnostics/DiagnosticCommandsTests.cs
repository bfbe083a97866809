using System.Text.Json;
using SmsGateway.Agent.Hosting;

namespace SmsGateway.Agent.Tests.Diagnostics;

public sealed class DiagnosticCommandsTests
{
    [Fact]
    public async Task PduDecode_RealModemCapture_PrintsTheSenderTextAndTimestamp()
    {
        // SMS-DELIVER as read with AT+CMGR from a modem: SMSC +27381000015, sender 27838890001 (TON unknown),
        // SCTS 1999-03-29 15:16:59 +02:00, GSM-7 "hellohello".
        var (exit, output, _) = await RunAsync("pdu", "decode", "07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37");

        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("deliver", json.GetProperty("type").GetString());
        var deliver = json.GetProperty("deliver");
        Assert.Equal("27838890001", deliver.GetProperty("sender").GetString());
        Assert.Equal("hellohello", deliver.GetProperty("text").GetString());
        Assert.Equal("+27381000015", deliver.GetProperty("smscAddress").GetString());
        Assert.Equal(new DateTimeOffset(1999, 3, 29, 15, 16, 59, TimeSpan.FromHours(2)), deliver.GetProperty("serviceCentreTimestamp").GetDateTimeOffset());
    }

    [Fact]
    public async Task PduDecode_StatusReport_PrintsReferenceAndOutcome()
    {
        // SMS-STATUS-REPORT: MR 0x2A to +4915112345678, TP-ST 0x00 (delivered).
        const string hex = "0006" + "2A" + "0D91" + "945111325476F8" + "62113021504000" + "62113021505000" + "00";

        var (exit, output, _) = await RunAsync("pdu", "decode", hex);

        Assert.Equal(0, exit);
        var report = JsonDocument.Parse(output).RootElement.GetProperty("statusReport");
        Assert.Equal(42, report.GetProperty("messageReference").GetInt32());
        Assert.Equal("+4915112345678", report.GetProperty("recipient").GetString());
        Assert.True(report.GetProperty("isDelivered").GetBoolean());
    }

    [Fact]
    public async Task PduDecode_Garbage_FailsWithAJsonError()
    {
        var (exit, _, error) = await RunAsync("pdu", "decode", "07917283zz");

        Assert.Equal(1, exit);
        Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(error).RootElement.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task PduEncode_LongText_PrintsOnePduPerPart()
    {
        var (exit, output, _) = await RunAsync("pdu", "encode", "--to", "+4915112345678", "--text", new string('x', 200));

        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(2, json.GetProperty("segments").GetInt32());
        var parts = json.GetProperty("parts");
        Assert.Equal(2, parts.GetArrayLength());
        Assert.StartsWith("00", parts[0].GetProperty("hex").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModemProbe_MissingPort_SaysNoSuchPort()
    {
        var (exit, output, _) = await RunAsync("modem", "probe", "--port", "/tmp/smsgw-no-such-port");

        Assert.Equal(1, exit);
        Assert.Contains("no such port", JsonDocument.Parse(output).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownSubcommand_PrintsUsage()
    {
        var (exit, _, error) = await RunAsync("pdu", "frobnicate");

        Assert.Equal(64, exit);
        Assert.Contains("usage:", error, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await DiagnosticCommands.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
