using SmsGateway.Modem.Pdu;
using SmsGateway.Modem.Tests.At;
using static SmsGateway.Modem.Tests.Driver.ModemTranscripts;

namespace SmsGateway.Modem.Tests.Driver;

public sealed class GsmModemReceiveTests
{
    private static readonly DateTimeOffset Sent = new(2025, 3, 1, 11, 58, 0, TimeSpan.FromHours(1));

    [Fact]
    public async Task Cmti_ReadsHandsOverThenDeletes()
    {
        var pdu = PduEncoder.EncodeDeliver("+4917612345678", "Hallo Welt", Sent);
        var modem = new ScriptedModemStream();
        await using var harness = await GsmModemHarness.ConnectedAsync(modem);
        IReadOnlyList<string>? commandsAtHandOver = null;
        harness.Sink.OnHandOver = () => commandsAtHandOver = modem.Commands;
        modem.Expect("AT+CMGR=3", $"\r\n+CMGR: 0,,{TpduLength(pdu)}\r\n{pdu}\r\n", Ok).Expect("AT+CMGD=3", Ok);

        modem.Push("\r\n+CMTI: \"SM\",3\r\n");
        await modem.WaitForCommandAsync("AT+CMGD=3");

        var part = Assert.Single(harness.Sink.Parts);
        Assert.Equal(("+4917612345678", "Hallo Welt", Sent), (part.Sender, part.Text, part.SentAt));
        Assert.Null(part.Concat);
        Assert.Equal(pdu, part.Pdu);
        Assert.NotNull(commandsAtHandOver);
        Assert.Equal("AT+CMGR=3", commandsAtHandOver[^1]);
        Assert.Equal("AT+CMGD=3", modem.Commands[^1]);
    }

    [Fact]
    public async Task Cmti_SinkThrows_DoesNotDelete()
    {
        var pdu = PduEncoder.EncodeDeliver("+4917612345678", "Hallo", Sent);
        var modem = new ScriptedModemStream();
        await using var harness = await GsmModemHarness.ConnectedAsync(modem);
        harness.Sink.OnHandOver = () => throw new IOException("disk full");
        modem.Expect("AT+CMGR=1", $"\r\n+CMGR: 0,,{TpduLength(pdu)}\r\n{pdu}\r\n", Ok).Always("AT+CSQ", "\r\n+CSQ: 20,99\r\n", Ok);

        modem.Push("\r\n+CMTI: \"SM\",1\r\n", "\r\n^RSSI: 5\r\n");
        await harness.WaitUntilAsync(() => harness.Modem.Status.SignalDbm == -103, "RSSI applied after the failed hand-over");

        Assert.DoesNotContain(modem.Commands, c => c.StartsWith("AT+CMGD", StringComparison.Ordinal));
        Assert.True(harness.Modem.Status.Connected);
    }

    [Fact]
    public async Task Start_SweepHandsOverReceivedAndSkipsSentMessages()
    {
        var first = PduEncoder.EncodeDeliverParts("+4917612345678", new string('a', 200), Sent, reference: 77);
        var report = PduEncoder.EncodeStatusReport(42, "+4915112345678", Sent, Sent.AddSeconds(5), 0x00);
        var draft = PduEncoder.EncodeSubmit("+4915112345678", "draft").Single();
        var modem = new ScriptedModemStream()
            .ExpectSetup()
            .ExpectIdentityAndStatus()
            .Expect(
                "AT+CMGL=4",
                $"\r\n+CMGL: 1,1,,{TpduLength(first[0])}\r\n{first[0]}\r\n",
                $"+CMGL: 2,3,,{draft.TpduLength}\r\n{draft.Hex}\r\n",
                $"+CMGL: 4,0,,{TpduLength(report)}\r\n{report}\r\n",
                Ok)
            .Expect("AT+CMGD=1", Ok)
            .Expect("AT+CMGD=4", Ok);

        await using var harness = await GsmModemHarness.StartAsync(null, modem);
        await modem.WaitForCommandAsync("AT+CMGD=4");

        var part = Assert.Single(harness.Sink.Parts);
        Assert.Equal((77, 1, 2), (part.Concat!.Reference, part.Concat.PartNumber, part.Concat.PartCount));
        var delivered = Assert.Single(harness.Sink.Reports);
        Assert.Equal((42, true, true, "+4915112345678"), (delivered.MessageReference, delivered.Delivered, delivered.IsFinal, delivered.Recipient));
        Assert.DoesNotContain("AT+CMGD=2", modem.Commands);
        Assert.Empty(modem.Unexpected);
    }

    [Fact]
    public async Task Cds_AppliesDeliveryReportAndAcknowledges()
    {
        var report = PduEncoder.EncodeStatusReport(17, "+4915112345678", Sent, Sent.AddMinutes(1), 0x46);
        var modem = new ScriptedModemStream();
        await using var harness = await GsmModemHarness.ConnectedAsync(modem);
        modem.Expect("AT+CNMA", "\r\n+CMS ERROR: 340\r\n");

        modem.Push($"\r\n+CDS: {TpduLength(report)}\r\n", $"{report}\r\n");
        await modem.WaitForCommandAsync("AT+CNMA");

        var delivered = Assert.Single(harness.Sink.Reports);
        Assert.Equal((17, false, true, 0x46), (delivered.MessageReference, delivered.Delivered, delivered.IsFinal, delivered.Status));
        Assert.Equal(Sent.AddMinutes(1), delivered.DischargeTime);
        Assert.True(harness.Modem.Status.Connected);
    }

    [Fact]
    public async Task Cds_WithoutSmscPart_IsDecodedToo()
    {
        // Some modems omit the SMSC octets in +CDS: the length then equals the PDU's own length.
        var report = PduEncoder.EncodeStatusReport(5, "+4915112345678", Sent, Sent, 0x00)[2..];
        var modem = new ScriptedModemStream();
        await using var harness = await GsmModemHarness.ConnectedAsync(modem);
        modem.Expect("AT+CNMA", Ok);

        modem.Push($"\r\n+CDS: {report.Length / 2}\r\n{report}\r\n");
        await modem.WaitForCommandAsync("AT+CNMA");

        Assert.Equal(5, Assert.Single(harness.Sink.Reports).MessageReference);
    }

    [Fact]
    public async Task Cmt_DirectDelivery_HandsOverAndAcknowledges()
    {
        var pdu = PduEncoder.EncodeDeliver("+4917612345678", "direkt", Sent);
        var modem = new ScriptedModemStream();
        await using var harness = await GsmModemHarness.ConnectedAsync(modem);
        modem.Expect("AT+CNMA", Ok);

        modem.Push($"\r\n+CMT: ,{TpduLength(pdu)}\r\n{pdu}\r\n");
        await modem.WaitForCommandAsync("AT+CNMA");

        Assert.Equal("direkt", Assert.Single(harness.Sink.Parts).Text);
    }

    [Fact]
    public async Task Cmt_UserDataShorterThanDeclared_HandsOverTheSenderAndTextThatArrived()
    {
        // TP-UDL 11, data for 10 septets: before, the decoder refused it and the part was stored as "unknown" and empty.
        const string pdu = "07917283010010F5040BC87238880900F10000993092516195800BE8329BFD4697D9EC37";
        var modem = new ScriptedModemStream();
        await using var harness = await GsmModemHarness.ConnectedAsync(modem);
        modem.Expect("AT+CNMA", Ok);

        modem.Push($"\r\n+CMT: ,{TpduLength(pdu)}\r\n{pdu}\r\n");
        await modem.WaitForCommandAsync("AT+CNMA");

        var part = Assert.Single(harness.Sink.Parts);
        Assert.Equal(("27838890001", "hellohello", pdu), (part.Sender, part.Text, part.Pdu));
        Assert.True(part.Truncated);
    }

    [Fact]
    public async Task Cds_RecipientInNationalFormat_IsHandedOverInE164ReadInTheSimsHomeCountry()
    {
        // The SMSC reports "015112345678" for a part sent to +4915112345678; the SIM is German (IMSI 262...).
        var report = PduEncoder.EncodeStatusReport(6, "015112345678", Sent, Sent, 0x00);
        var modem = new ScriptedModemStream();
        await using var harness = await GsmModemHarness.ConnectedAsync(modem);
        modem.Expect("AT+CNMA", Ok);

        modem.Push($"\r\n+CDS: {TpduLength(report)}\r\n{report}\r\n");
        await modem.WaitForCommandAsync("AT+CNMA");

        Assert.Equal("+4915112345678", Assert.Single(harness.Sink.Reports).Recipient);
    }

    [Fact]
    public async Task Cdsi_ReadsStatusReportFromStorageThenDeletes()
    {
        var report = PduEncoder.EncodeStatusReport(99, "+4915112345678", Sent, Sent, 0x00);
        var modem = new ScriptedModemStream();
        await using var harness = await GsmModemHarness.ConnectedAsync(modem);
        modem.Expect("AT+CMGR=7", $"\r\n+CMGR: 0,,{TpduLength(report)}\r\n{report}\r\n", Ok).Expect("AT+CMGD=7", Ok);

        modem.Push("\r\n+CDSI: \"SM\",7\r\n");
        await modem.WaitForCommandAsync("AT+CMGD=7");

        Assert.Equal(99, Assert.Single(harness.Sink.Reports).MessageReference);
    }

    [Fact]
    public async Task Cmti_UndecodablePdu_HandsOverRawThenDeletes()
    {
        const string garbage = "0791947106004034FF";
        var modem = new ScriptedModemStream();
        await using var harness = await GsmModemHarness.ConnectedAsync(modem);
        modem.Expect("AT+CMGR=2", $"\r\n+CMGR: 0,,8\r\n{garbage}\r\n", Ok).Expect("AT+CMGD=2", Ok);

        modem.Push("\r\n+CMTI: \"SM\",2\r\n");
        await modem.WaitForCommandAsync("AT+CMGD=2");

        var part = Assert.Single(harness.Sink.Parts);
        Assert.Equal(("unknown", string.Empty, garbage), (part.Sender, part.Text, part.Pdu));
    }

    [Fact]
    public async Task StorageSweep_RunsAgainAfterTheInterval()
    {
        var modem = new ScriptedModemStream();
        await using var harness = await GsmModemHarness.ConnectedAsync(modem);
        modem.UnscriptedReply = Ok;
        var sweeps = modem.Commands.Count(c => c == "AT+CMGL=4");

        harness.Time.Advance(harness.Options.StorageSweepInterval);
        await harness.WaitUntilAsync(() => modem.Commands.Count(c => c == "AT+CMGL=4") == sweeps + 1, "second sweep");
    }

    [Fact]
    public async Task StatusPoll_UpdatesSignalAndRegistration()
    {
        var modem = new ScriptedModemStream();
        await using var harness = await GsmModemHarness.ConnectedAsync(modem);
        modem.Expect("AT+CSQ", "\r\n+CSQ: 31,0\r\n", Ok)
            .Expect("AT+CREG?", "\r\n+CREG: 0,5\r\n", Ok)
            .Expect("AT+COPS?", "\r\n+COPS: 0\r\n", Ok);

        harness.Time.Advance(harness.Options.StatusInterval);
        await harness.WaitUntilAsync(() => harness.Modem.Status.SignalDbm == -51, "status refreshed");

        Assert.Equal((true, true, null), (harness.Modem.Status.Registered, harness.Modem.Status.Roaming, harness.Modem.Status.Operator));
    }

    private static int TpduLength(string pduWithSmsc) => (pduWithSmsc.Length / 2) - 1 - Convert.ToInt32(pduWithSmsc[..2], 16);
}
