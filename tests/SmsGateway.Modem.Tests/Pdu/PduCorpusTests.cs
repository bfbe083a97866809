using SmsGateway.Modem.Pdu;

namespace SmsGateway.Modem.Tests.Pdu;

/// <summary>
/// The decoder over published corpora (Pdu/Corpus/README.md names the sources): gammu's AT SMS parser dumps, of which
/// those in at-sms must decode and those in at-sms-failing must be refused with a reason, and python-gsmmodem's decode
/// vectors with the fields they expect.
/// </summary>
public sealed class PduCorpusTests
{
    private static readonly string Corpus = Path.Combine(AppContext.BaseDirectory, "Pdu", "Corpus");

    /// <summary>gammu's failing dumps that this decoder keeps, and why.</summary>
    private static readonly Dictionary<string, string> KeptOnPurpose = new(StringComparer.Ordinal)
    {
        ["at-sms-failing/35.dump"] = "an SMS-DELIVER with compressed text (TP-DCS 0x39) and user data shorter than TP-UDL: handed over as 8-bit data, truncated (issue 15, case 2)",
    };

    public static TheoryData<string> GammuDecodable() => Dumps("at-sms");

    public static TheoryData<string> GammuFailing() => Dumps("at-sms-failing");

    public static TheoryData<string, string, string, string> PythonGsmModemVectors()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var line in File.ReadLines(Path.Combine(Corpus, "python-gsmmodem.tsv")).Where(l => !l.StartsWith('#')))
        {
            var fields = line.Split('\t');
            data.Add(fields[0], fields[1], fields[2], fields[3]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GammuDecodable))]
    public void GammuAtSms_Decodes(string dump)
    {
        var (pdu, length) = ReadDump(dump);

        Assert.True(PduDecoder.TryDecodeStored(pdu, length, out var decoded, out var error), $"{dump}: {error}");
        Assert.NotNull(decoded);
    }

    [Theory]
    [MemberData(nameof(GammuFailing))]
    public void GammuAtSmsFailing_IsRefusedWithAReason(string dump)
    {
        var (pdu, length) = ReadDump(dump);

        var refused = !PduDecoder.TryDecodeStored(pdu, length, out var decoded, out var error);

        if (KeptOnPurpose.TryGetValue(dump, out var why))
        {
            // Decoded where gammu gives up, on purpose: the SMS is kept, marked truncated, instead of lost.
            Assert.False(refused, $"{dump} was expected to be kept ({why}) but was refused: {error}");
            Assert.True(Assert.IsType<DeliverPdu>(decoded).Truncated, why);
            return;
        }

        Assert.True(refused, $"{dump} decoded as {decoded}");
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Theory]
    [MemberData(nameof(PythonGsmModemVectors))]
    public void PythonGsmModem_DecodesTheExpectedFields(string pdu, string type, string number, string text)
    {
        var decoded = PduDecoder.Decode(pdu);

        var (actualNumber, actualText) = decoded switch
        {
            DeliverPdu deliver when type == "deliver" => (deliver.Sender, deliver.Text),
            SubmitMessage submit when type == "submit" => (submit.Recipient, submit.Text ?? System.Text.Encoding.ASCII.GetString(submit.Data)),
            StatusReportPdu report when type == "report" => (report.Recipient, report.MessageReference.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            _ => throw new Xunit.Sdk.XunitException($"expected an SMS-{type}, decoded {decoded.GetType().Name}"),
        };
        Assert.Equal(text, actualText);
        if (number != "*")
        {
            Assert.Equal(number, actualNumber);
        }
    }

    private static TheoryData<string> Dumps(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Corpus, "gammu", folder), "*.dump").Order(StringComparer.Ordinal))
        {
            data.Add($"{folder}/{Path.GetFileName(file)}");
        }

        return data;
    }

    /// <summary>The PDU of an <c>AT+CMGR</c> transcript and the TPDU length its header gives.</summary>
    private static (string Pdu, int Length) ReadDump(string dump)
    {
        var lines = File.ReadAllLines(Path.Combine(Corpus, "gammu", dump));
        var header = Array.FindIndex(lines, l => l.StartsWith("+CMGR:", StringComparison.Ordinal));
        Assert.True(header >= 0 && header + 1 < lines.Length, $"{dump} has no +CMGR answer");
        var length = int.Parse(lines[header]["+CMGR:".Length..].Split(',')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var pdu = lines[header + 1].Trim();
        return (pdu, length);
    }
}
