using SmsGateway.Core.Modem;
using SmsGateway.Modem.Pdu;
using SmsGateway.Modem.Tests.At;
using SmsGateway.Testing;
using static SmsGateway.Modem.Tests.Driver.ModemTranscripts;

namespace SmsGateway.Modem.Tests.Driver;

public sealed class GsmModemSendTests
{
    private const string To = "+4915112345678";
    private static readonly string LongText = string.Concat(Enumerable.Repeat("The quick brown fox jumps over the lazy dog. ", 5));

    [Fact]
    public async Task Send_SinglePart_WritesCmgsWithTpduLengthThenPdu()
    {
        var expected = PduEncoder.EncodeSubmit(To, "Hello", new SubmitOptions { RequestStatusReport = true }).Single();
        var modem = new ScriptedModemStream();
        await using var harness = await GsmModemHarness.ConnectedAsync(modem);
        modem.Expect($"AT+CMGS={expected.TpduLength}", "\r\n> ").Expect(expected.Hex, "\r\n+CMGS: 17\r\n", Ok);

        var receipt = await harness.Modem.SendAsync(new ModemSendRequest(To, "Hello"), CancellationToken.None);

        Assert.Equal([17], receipt.PartReferences);
        Assert.Equal(harness.Time.GetUtcNow(), receipt.SentAt);
        Assert.Empty(modem.Unexpected);
        Assert.DoesNotContain("AT+CMMS=2", modem.Commands);
    }

    [Fact]
    public async Task Send_Multipart_SendsCmmsThenEveryPartInOrderWithOneReference()
    {
        var expected = PduEncoder.EncodeSubmit(To, LongText, new SubmitOptions { RequestStatusReport = true });
        Assert.Equal(2, expected.Count);
        var modem = new ScriptedModemStream();
        await using var harness = await GsmModemHarness.ConnectedAsync(modem);
        var reference = 40;
        modem.Expect("AT+CMMS=2", Ok)
            .AnswerPdus(() => [$"\r\n+CMGS: {++reference}\r\n", Ok]);

        var receipt = await harness.Modem.SendAsync(new ModemSendRequest(To, LongText), CancellationToken.None);

        Assert.Equal([41, 42], receipt.PartReferences);
        var sent = modem.Commands.SkipWhile(c => c != "AT+CMMS=2").ToList();
        Assert.Equal(["AT+CMMS=2", $"AT+CMGS={expected[0].TpduLength}", sent[2], $"AT+CMGS={expected[1].TpduLength}", sent[4]], sent);
        var parts = new[] { sent[2], sent[4] }.Select(hex => (SubmitMessage)PduDecoder.Decode(hex)).ToList();
        Assert.Equal([1, 2], parts.Select(p => p.Concat!.PartNumber));
        Assert.Equal(parts[0].Concat!.Reference, parts[1].Concat!.Reference);
        Assert.All(parts, p => Assert.True(p.StatusReportRequested));
    }

    [Fact]
    public async Task Send_TwoMultipartMessages_SendsCmmsOnlyBeforeTheFirst()
    {
        var modem = new ScriptedModemStream();
        await using var harness = await GsmModemHarness.ConnectedAsync(modem);
        modem.Expect("AT+CMMS=2", Ok)
            .AnswerPdus(() => ["\r\n+CMGS: 7\r\n", Ok]);

        await harness.Modem.SendAsync(new ModemSendRequest(To, LongText), CancellationToken.None);
        await harness.Modem.SendAsync(new ModemSendRequest(To, LongText), CancellationToken.None);

        Assert.Single(modem.Commands, c => c == "AT+CMMS=2");
        Assert.Equal(4, modem.Commands.Count(c => c.StartsWith("AT+CMGS=", StringComparison.Ordinal)));
        Assert.Empty(modem.Unexpected);
    }

    [Fact]
    public async Task Send_ModemWithoutCmms_StillSendsAllParts()
    {
        var modem = new ScriptedModemStream();
        await using var harness = await GsmModemHarness.ConnectedAsync(modem);
        modem.Expect("AT+CMMS=2", "\r\nERROR\r\n")
            .AnswerPdus(() => ["\r\n+CMGS: 5\r\n", Ok]);

        var receipt = await harness.Modem.SendAsync(new ModemSendRequest(To, LongText), CancellationToken.None);

        Assert.Equal(2, receipt.PartReferences.Count);
    }

    [Theory]
    [InlineData(500, SendFailureKind.Transient)]
    [InlineData(38, SendFailureKind.Transient)]
    [InlineData(332, SendFailureKind.Transient)]
    [InlineData(515, SendFailureKind.Transient)]
    [InlineData(21, SendFailureKind.Permanent)]
    [InlineData(1, SendFailureKind.Permanent)]
    [InlineData(304, SendFailureKind.Permanent)]
    public async Task Send_CmsErrorAfterPdu_ClassifiesByCode(int code, SendFailureKind kind)
    {
        var modem = new ScriptedModemStream();
        await using var harness = await GsmModemHarness.ConnectedAsync(modem);
        modem.AnswerPdus(() => [$"\r\n+CMS ERROR: {code}\r\n"]);

        var error = await Assert.ThrowsAsync<SmsSendException>(() => harness.Modem.SendAsync(new ModemSendRequest(To, "Hello"), CancellationToken.None));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(code, error.ErrorCode);
    }

    [Fact]
    public async Task Send_NoAnswerAfterPdu_IsUnknownOutcome()
    {
        var modem = new ScriptedModemStream();
        await using var harness = await GsmModemHarness.ConnectedAsync(modem);
        modem.AnswerPdus(() => []);

        var send = harness.Modem.SendAsync(new ModemSendRequest(To, "Hello"), CancellationToken.None);
        await modem.WaitForCommandAsync(PduEncoder.EncodeSubmit(To, "Hello").Single().Hex);
        harness.Time.Advance(harness.Options.SendTimeout);

        var error = await Assert.ThrowsAsync<SmsSendException>(() => send.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(SendFailureKind.UnknownOutcome, error.Kind);
    }

    [Fact]
    public async Task Send_LateOkInsteadOfPromptAndReference_IsUnknownOutcomeNeverSuccess()
    {
        var modem = new ScriptedModemStream();
        await using var harness = await GsmModemHarness.ConnectedAsync(modem);

        // The modem is out of step: a stale OK (of an earlier, timed-out command) answers AT+CMGS.
        modem.AlwaysWhen(c => c.StartsWith("AT+CMGS=", StringComparison.Ordinal), _ => [Ok]).Always("<ESC>");

        var error = await Assert.ThrowsAsync<SmsSendException>(() =>
            harness.Modem.SendAsync(new ModemSendRequest(To, "Hello"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)));

        Assert.Equal(SendFailureKind.UnknownOutcome, error.Kind);
        Assert.Contains("without a message reference", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_NoPrompt_IsTransient()
    {
        var modem = new ScriptedModemStream();
        await using var harness = await GsmModemHarness.ConnectedAsync(modem);
        modem.AlwaysWhen(c => c.StartsWith("AT+CMGS=", StringComparison.Ordinal), _ => []).Always("<ESC>");

        var send = harness.Modem.SendAsync(new ModemSendRequest(To, "Hello"), CancellationToken.None);
        await Eventually.WaitUntilAsync(() => modem.Commands.Any(c => c.StartsWith("AT+CMGS=", StringComparison.Ordinal)), "CMGS");
        harness.Time.Advance(harness.Options.SendTimeout);

        var error = await Assert.ThrowsAsync<SmsSendException>(() => send.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(SendFailureKind.Transient, error.Kind);
    }

    [Fact]
    public async Task Send_SecondPartFails_ReportsHowManyPartsLeft()
    {
        var modem = new ScriptedModemStream();
        await using var harness = await GsmModemHarness.ConnectedAsync(modem);
        var pdus = 0;
        modem.Expect("AT+CMMS=2", Ok)
            .AnswerPdus(() => ++pdus == 1 ? ["\r\n+CMGS: 9\r\n", Ok] : ["\r\n+CMS ERROR: 42\r\n"]);

        var error = await Assert.ThrowsAsync<SmsSendException>(() => harness.Modem.SendAsync(new ModemSendRequest(To, LongText), CancellationToken.None));

        Assert.Equal(SendFailureKind.Transient, error.Kind);
        Assert.Contains("part 2 of 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 part(s) before it sent (references 9)", error.Message, StringComparison.Ordinal);
        Assert.Equal([9], error.SentPartReferences);
        Assert.NotNull(error.ConcatReference);
    }

    [Fact]
    public async Task Send_ResumedAfterConfirmedParts_SendsOnlyTheRestWithTheSameConcatReference()
    {
        var text = string.Concat(Enumerable.Repeat("The quick brown fox jumps over the lazy dog. ", 8));
        var modem = new ScriptedModemStream();
        await using var harness = await GsmModemHarness.ConnectedAsync(modem);
        var reference = 60;
        modem.Expect("AT+CMMS=2", Ok)
            .AnswerPdus(() => [$"\r\n+CMGS: {++reference}\r\n", Ok]);

        var receipt = await harness.Modem.SendAsync(new ModemSendRequest(To, text) { ConcatReference = 201, PartsAlreadySent = 1 }, CancellationToken.None);

        Assert.Equal([61, 62], receipt.PartReferences);
        var parts = modem.Commands.Where(c => c.StartsWith("00", StringComparison.Ordinal)).Select(hex => (SubmitMessage)PduDecoder.Decode(hex)).ToList();
        Assert.Equal([2, 3], parts.Select(p => p.Concat!.PartNumber));
        Assert.All(parts, p => Assert.Equal((201, 3), (p.Concat!.Reference, p.Concat.PartCount)));
    }

    [Fact]
    public async Task Send_SecondPartUnanswered_IsUnknownWithTheFirstPartConfirmed()
    {
        var modem = new ScriptedModemStream();
        await using var harness = await GsmModemHarness.ConnectedAsync(modem);
        var pdus = 0;
        modem.Expect("AT+CMMS=2", Ok)
            .AnswerPdus(() => ++pdus == 1 ? ["\r\n+CMGS: 11\r\n", Ok] : []);
        var before = modem.Commands.Count;

        var send = harness.Modem.SendAsync(new ModemSendRequest(To, LongText), CancellationToken.None);
        await modem.WaitForCommandsAsync(before + 5);
        harness.Time.Advance(harness.Options.SendTimeout);

        var error = await Assert.ThrowsAsync<SmsSendException>(() => send.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(SendFailureKind.UnknownOutcome, error.Kind);
        Assert.Equal([11], error.SentPartReferences);
    }

    [Fact]
    public async Task Send_PortLostAfterPdu_IsUnknownOutcome()
    {
        var modem = new ScriptedModemStream();
        await using var harness = await GsmModemHarness.ConnectedAsync(modem);
        modem.AnswerPdus(() => []);

        var send = harness.Modem.SendAsync(new ModemSendRequest(To, "Hello"), CancellationToken.None);
        await modem.WaitForCommandAsync(PduEncoder.EncodeSubmit(To, "Hello").Single().Hex);
        modem.End();

        var error = await Assert.ThrowsAsync<SmsSendException>(() => send.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(SendFailureKind.UnknownOutcome, error.Kind);
    }

    [Fact]
    public async Task Send_InvalidNumber_IsPermanentWithoutTouchingTheModem()
    {
        var modem = new ScriptedModemStream();
        await using var harness = await GsmModemHarness.ConnectedAsync(modem);
        var before = modem.Commands.Count;

        var error = await Assert.ThrowsAsync<SmsSendException>(() => harness.Modem.SendAsync(new ModemSendRequest("+49 not a number", "Hello"), CancellationToken.None));

        Assert.Equal(SendFailureKind.Permanent, error.Kind);
        Assert.Equal(before, modem.Commands.Count);
    }
}
