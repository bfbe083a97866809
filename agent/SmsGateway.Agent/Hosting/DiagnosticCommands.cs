using System.Text.Encodings.Web;
using System.Text.Json;
using SmsGateway.Agent.Diagnostics;
using SmsGateway.Core.Text;
using SmsGateway.Modem.Driver;
using SmsGateway.Modem.Pdu;
using SmsGateway.Modem.Serial;

namespace SmsGateway.Agent.Hosting;

/// <summary>
/// Subcommands for people with a real modem, each printing JSON:
/// <c>modem probe --port /dev/ttyUSB0 [--baud 115200] [--pin 1234]</c>,
/// <c>pdu decode &lt;hex&gt; [--no-smsc]</c>, <c>pdu encode --to &lt;number&gt; --text &lt;text&gt;</c>.
/// </summary>
public static class DiagnosticCommands
{
    private const int UsageError = 64;

    // Printed for people: keep '+' and non-ASCII text readable instead of \u-escaped.
    private static readonly DiagnosticsJsonContext Json = new(new JsonSerializerOptions(DiagnosticsJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public const string Usage = """
        usage: SmsGateway.Agent modem probe --port <device> [--baud <rate>] [--pin <pin>]
               SmsGateway.Agent pdu decode <hex> [--no-smsc]
               SmsGateway.Agent pdu encode --to <number> --text <text> [--no-status-report]
        """;

    public static bool Handles(string verb) => verb is "modem" or "pdu";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var verb = string.Join(' ', args.Take(2));
        return verb switch
        {
            "pdu decode" when args.Length >= 3 => Decode(args[2], !args.Contains("--no-smsc"), output, error),
            "pdu encode" => Encode(args, output, error),
            "modem probe" => await ProbeAsync(args, output, error),
            _ => Fail(error, Usage),
        };
    }

    private static int Decode(string hex, bool includesSmsc, TextWriter output, TextWriter error)
    {
        if (!PduDecoder.TryDecode(hex, includesSmsc, out var pdu, out var problem))
        {
            error.WriteLine(JsonSerializer.Serialize(new CommandError(problem ?? "not a PDU"), Json.CommandError));
            return 1;
        }

        var result = pdu switch
        {
            DeliverPdu deliver => new PduDecodeOutput("deliver", deliver, null, null),
            SubmitMessage submit => new PduDecodeOutput("submit", null, submit, null),
            StatusReportPdu report => new PduDecodeOutput("status-report", null, null, report),
            _ => new PduDecodeOutput("unknown", null, null, null),
        };
        output.WriteLine(JsonSerializer.Serialize(result, Json.PduDecodeOutput));
        return 0;
    }

    private static int Encode(string[] args, TextWriter output, TextWriter error)
    {
        var to = Option(args, "--to");
        var text = Option(args, "--text");
        if (to is null || text is null)
        {
            return Fail(error, Usage);
        }

        try
        {
            var options = new SubmitOptions { RequestStatusReport = !args.Contains("--no-status-report") };
            var parts = PduEncoder.EncodeSubmit(to, text, options);
            var info = SmsTextAnalyzer.Analyze(text);
            output.WriteLine(JsonSerializer.Serialize(new PduEncodeOutput(to, info.Encoding, parts.Count, parts), Json.PduEncodeOutput));
            return 0;
        }
        catch (ArgumentException ex)
        {
            error.WriteLine(JsonSerializer.Serialize(new CommandError(ex.Message), Json.CommandError));
            return 1;
        }
    }

    private static async Task<int> ProbeAsync(string[] args, TextWriter output, TextWriter error)
    {
        var port = Option(args, "--port");
        if (port is null || !int.TryParse(Option(args, "--baud") ?? "115200", out var baud))
        {
            return Fail(error, Usage);
        }

        var options = new ModemOptions { Port = port, BaudRate = baud, Pin = Option(args, "--pin"), CommandTimeout = TimeSpan.FromSeconds(5) };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var result = await ModemProbe.RunAsync(new SerialPortStreamFactory(options), options, timeout.Token);
        output.WriteLine(JsonSerializer.Serialize(result, Json.ModemProbeResult));
        return result.Responded && result.Error is null ? 0 : 1;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        return UsageError;
    }
}
