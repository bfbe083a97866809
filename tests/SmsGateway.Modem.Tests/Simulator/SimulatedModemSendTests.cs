using System.Text.Json;
using SmsGateway.Modem.Pdu;
using SmsGateway.Modem.Simulator;
using SmsGateway.Modem.Tests.Support;
using SmsGateway.Testing;

namespace SmsGateway.Modem.Tests.Simulator;

public sealed class SimulatedModemSendTests
{
    private const string To = "+4915112345678";

    [Fact]
    public async Task Cmgs_ValidPdu_AnswersMessageReferenceAndWritesTheAirLog()
    {
        using var temp = new TempDirectory();
        await using var sim = await InProcessSimulator.StartAsync(o => o.AirLog = temp.File("air.jsonl"));
        var pdu = PduEncoder.EncodeSubmit(To, "Hello world")[0];

        var answer = await sim.Client.SendPduAsync(pdu.TpduLength, pdu.Hex);

        Assert.Equal("\r\n+CMGS: 1\r\n\r\nOK\r\n", answer);
        var line = Assert.Single(await File.ReadAllLinesAsync(temp.File("air.jsonl")));
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal(To, root.GetProperty("to").GetString());
        Assert.Equal("Hello world", root.GetProperty("text").GetString());
        Assert.Equal("gsm7", root.GetProperty("encoding").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("reference").ValueKind);
        Assert.Equal(1, root.GetProperty("part").GetInt32());
        Assert.Equal(1, root.GetProperty("parts").GetInt32());
        Assert.Equal(1, root.GetProperty("messageReference").GetInt32());
        Assert.True(root.GetProperty("statusReport").GetBoolean());
        Assert.Equal(pdu.Hex, root.GetProperty("pdu").GetString());
        Assert.True(root.TryGetProperty("time", out _));
    }

    [Fact]
    public async Task Cmgs_MultipartUcs2_RecordsEveryPartWithOneReference()
    {
        await using var sim = await InProcessSimulator.StartAsync();
        var text = string.Concat(Enumerable.Repeat("Grüße aus Köln 👋 ", 6));
        var parts = PduEncoder.EncodeSubmit(To, text, new SubmitOptions { ConcatReference = 42 });

        foreach (var part in parts)
        {
            Assert.Contains("OK", await sim.Client.SendPduAsync(part.TpduLength, part.Hex), StringComparison.Ordinal);
        }

        var sent = sim.Modem.Transmissions;
        Assert.Equal(parts.Count, sent.Count);
        Assert.All(sent, s => Assert.Equal(("ucs2", 42, parts.Count), (s.Encoding, s.Reference!.Value, s.Parts)));
        Assert.Equal(Enumerable.Range(1, parts.Count), sent.Select(s => s.Part));
        Assert.Equal(text, string.Concat(sent.Select(s => s.Text)));
        Assert.Equal(sent.Count, sent.Select(s => s.MessageReference).Distinct().Count());
    }

    [Fact]
    public async Task Cmgs_LengthDisagreesWithPdu_AnswersCms304AndSendsNothing()
    {
        await using var sim = await InProcessSimulator.StartAsync();
        var pdu = PduEncoder.EncodeSubmit(To, "Hello")[0];

        var answer = await sim.Client.SendPduAsync(pdu.TpduLength + 1, pdu.Hex);

        Assert.Equal("\r\n+CMS ERROR: 304\r\n", answer);
        Assert.Empty(sim.Modem.Transmissions);
    }

    [Fact]
    public async Task Cmgs_GarbageInsteadOfPdu_AnswersCms304()
    {
        await using var sim = await InProcessSimulator.StartAsync();

        Assert.Equal("\r\n+CMS ERROR: 304\r\n", await sim.Client.SendPduAsync(3, "00XYZ0"));
        Assert.Equal("\r\n+CMS ERROR: 304\r\n", await sim.Client.SendPduAsync(3, "00FFFFFF"));
    }

    [Fact]
    public async Task Cmgs_EscapeInsteadOfCtrlZ_CancelsTheSend()
    {
        await using var sim = await InProcessSimulator.StartAsync();
        var pdu = PduEncoder.EncodeSubmit(To, "never")[0];

        var answer = await sim.Client.SendPduAsync(pdu.TpduLength, pdu.Hex, terminator: '\x1B');

        Assert.Equal("\r\nOK\r\n", answer);
        Assert.Empty(sim.Modem.Transmissions);
    }

    [Fact]
    public async Task Cmgs_WithEcho_EchoesThePduAfterThePrompt()
    {
        await using var sim = await InProcessSimulator.StartAsync(quiet: false);
        var pdu = PduEncoder.EncodeSubmit(To, "echo")[0];

        var answer = await sim.Client.SendPduAsync(pdu.TpduLength, pdu.Hex);

        Assert.Equal($"{pdu.Hex}\r\n+CMGS: 1\r\n\r\nOK\r\n", answer);
    }

    [Fact]
    public async Task FailNextSends_FailsOnceThenSends()
    {
        await using var sim = await InProcessSimulator.StartAsync();
        var pdu = PduEncoder.EncodeSubmit(To, "retry me")[0];
        sim.Modem.FailNextSends(500, 1);

        Assert.Equal("\r\n+CMS ERROR: 500\r\n", await sim.Client.SendPduAsync(pdu.TpduLength, pdu.Hex));
        Assert.Empty(sim.Modem.Transmissions);
        Assert.Equal("\r\n+CMGS: 1\r\n\r\nOK\r\n", await sim.Client.SendPduAsync(pdu.TpduLength, pdu.Hex));
        Assert.Single(sim.Modem.Transmissions);
    }

    [Fact]
    public async Task Cmgs_NoNetwork_AnswersCms331()
    {
        await using var sim = await InProcessSimulator.StartAsync();
        var pdu = PduEncoder.EncodeSubmit(To, "nobody hears")[0];
        sim.Modem.SetNetworkAvailable(false);

        Assert.Equal("\r\n+CMS ERROR: 331\r\n", await sim.Client.SendPduAsync(pdu.TpduLength, pdu.Hex));
    }

    [Fact]
    public async Task MessageReference_RollsOverAfter255()
    {
        await using var sim = await InProcessSimulator.StartAsync();
        for (var i = 0; i < 255; i++)
        {
            sim.Modem.State.NextMessageReference();
        }

        var pdu = PduEncoder.EncodeSubmit(To, "wrap")[0];

        Assert.Equal("\r\n+CMGS: 0\r\n\r\nOK\r\n", await sim.Client.SendPduAsync(pdu.TpduLength, pdu.Hex));
    }

    [Fact]
    public async Task StatusReport_WithCnmiDs1_ArrivesAsCdsWithTheMessageReference()
    {
        await using var sim = await InProcessSimulator.StartAsync();
        await sim.Client.SendAsync("AT+CNMI=2,1,0,1,0");
        var pdu = PduEncoder.EncodeSubmit(To, "report me")[0];
        await sim.Client.SendPduAsync(pdu.TpduLength, pdu.Hex);

        await sim.Client.WaitForAsync("+CDS: ");
        var urc = await sim.Client.WaitForAsync("\r\n", TimeSpan.FromSeconds(2));
        var report = await sim.Client.WaitForAsync("\r\n");

        Assert.Equal(int.Parse(urc.Trim(), System.Globalization.CultureInfo.InvariantCulture) + 8, (report.Trim().Length / 2));
        var decoded = Assert.IsType<StatusReportPdu>(PduDecoder.Decode(report.Trim()));
        Assert.Equal(1, decoded.MessageReference);
        Assert.Equal(To, decoded.Recipient);
        Assert.True(decoded.IsDelivered);
    }

    [Fact]
    public async Task StatusReport_FailedWithCnmiDs2_IsStoredAndAnnouncedWithCdsi()
    {
        await using var sim = await InProcessSimulator.StartAsync(o => o.DeliveryReports = SimulatedDeliveryOutcome.Failed);
        await sim.Client.SendAsync("AT+CNMI=2,1,0,2,0");
        var pdu = PduEncoder.EncodeSubmit(To, "report me")[0];
        await sim.Client.SendPduAsync(pdu.TpduLength, pdu.Hex);

        await sim.Client.WaitForAsync("\r\n+CDSI: \"SM\",1\r\n");
        var answer = await sim.Client.SendAsync("AT+CMGR=1");

        var hex = answer.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1];
        var decoded = Assert.IsType<StatusReportPdu>(PduDecoder.Decode(hex));
        Assert.False(decoded.IsDelivered);
        Assert.True(decoded.IsFinal);
    }

    [Fact]
    public async Task StatusReport_NotRequested_IsNeverSent()
    {
        await using var sim = await InProcessSimulator.StartAsync();
        await sim.Client.SendAsync("AT+CNMI=2,1,0,1,0");
        var pdu = PduEncoder.EncodeSubmit(To, "quiet", new SubmitOptions { RequestStatusReport = false })[0];
        await sim.Client.SendPduAsync(pdu.TpduLength, pdu.Hex);

        Assert.DoesNotContain("+CDS", await sim.Client.DrainAsync(TimeSpan.FromMilliseconds(200)), StringComparison.Ordinal);
    }
}
