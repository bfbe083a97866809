using SmsGateway.Modem.At;

namespace SmsGateway.Modem.Tests.At;

public sealed class AtChannelTranscriptTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Execute_EchoOn_IgnoresEchoedCommand()
    {
        // SIMCom SIM800 straight after power-up: echo is on and the echo ends with a bare CR.
        var modem = new ScriptedModemStream().Expect("AT+CSQ", "AT+CSQ\r\r\n+CSQ: 18,0\r\n\r\nOK\r\n");
        await using var sut = new AtChannel(modem);

        var response = await sut.ExecuteAsync("AT+CSQ", Timeout, CancellationToken.None);

        Assert.Equal(["+CSQ: 18,0"], response.Lines);
        Assert.Equal("18,0", response.ValueOf("+CSQ:"));
    }

    [Fact]
    public async Task Execute_UrcsBetweenResponseAndOk_RoutesThemToUrcs()
    {
        // Huawei E3372: ^RSSI and a new message notification interleaved with the answer.
        var modem = new ScriptedModemStream().Expect(
            "AT+CPMS?",
            "\r\n+CPMS: \"SM\",2,50,\"SM\",2,50,\"SM\",2,50\r\n",
            "\r\n^RSSI: 17\r\n",
            "\r\n+CMTI: \"SM\",3\r\n\r\nOK\r\n");
        await using var sut = new AtChannel(modem);

        var response = await sut.ExecuteAsync("AT+CPMS?", Timeout, CancellationToken.None);

        Assert.Equal(["+CPMS: \"SM\",2,50,\"SM\",2,50,\"SM\",2,50"], response.Lines);
        var rssi = await ReadUrcAsync(sut);
        var cmti = await ReadUrcAsync(sut);
        Assert.Equal(("^RSSI", "17"), (rssi.Name, rssi.Value));
        Assert.Equal(("+CMTI", "\"SM\",3"), (cmti.Name, cmti.Value));
    }

    [Fact]
    public async Task AFloodOfUrcsNobodyReads_KeepsTheFirstUrcCapacity_DropsAndCountsTheRest_AndCommandsStillWork()
    {
        // A modem in a loop (or a storm of +CMTI) while the consumer is busy: memory must not grow with it.
        var modem = new ScriptedModemStream().Expect("AT", "\r\nOK\r\n");
        await using var sut = new AtChannel(modem);
        var flood = AtChannel.UrcCapacity + 500;
        for (var i = 1; i <= flood; i++)
        {
            modem.Push($"\r\n+CMTI: \"SM\",{i}\r\n");
        }

        var response = await sut.ExecuteAsync("AT", Timeout, CancellationToken.None);

        Assert.Empty(response.Lines);
        Assert.Equal(500, sut.UrcsDropped);
        var kept = new List<string>();
        while (sut.Urcs.TryRead(out var urc))
        {
            kept.Add(urc.Value);
        }

        Assert.Equal(Enumerable.Range(1, AtChannel.UrcCapacity).Select(i => $"\"SM\",{i}"), kept);
    }

    [Fact]
    public async Task Execute_CregUrcDuringOtherCommand_IsUrcButCregResponseIsNot()
    {
        var modem = new ScriptedModemStream()
            .Expect("AT+CSQ", "\r\n+CREG: 1\r\n\r\n+CSQ: 21,99\r\n\r\nOK\r\n")
            .Expect("AT+CREG?", "\r\n+CREG: 0,5\r\n\r\nOK\r\n");
        await using var sut = new AtChannel(modem);

        var csq = await sut.ExecuteAsync("AT+CSQ", Timeout, CancellationToken.None);
        var creg = await sut.ExecuteAsync("AT+CREG?", Timeout, CancellationToken.None);

        Assert.Equal(["+CSQ: 21,99"], csq.Lines);
        Assert.Equal(["+CREG: 0,5"], creg.Lines);
        var urc = await ReadUrcAsync(sut);
        Assert.Equal("+CREG: 1", urc.Line);
        Assert.False(sut.Urcs.TryRead(out _));
    }

    [Fact]
    public async Task ExecuteWithPayload_PromptWithoutLineEnd_WritesPayloadAndCtrlZ()
    {
        // Quectel EC25: the prompt is "\r\n> " and nothing follows until the PDU arrives.
        const string pdu = "0011000B916407281553F80000AA0AE8329BFD4697D9EC37";
        var modem = new ScriptedModemStream()
            .Expect("AT+CMGS=23", "\r\n> ")
            .Expect(pdu, "\r\n+CMGS: 42\r\n\r\nOK\r\n");
        await using var sut = new AtChannel(modem);

        var response = await sut.ExecuteWithPayloadAsync("AT+CMGS=23", pdu, Timeout, CancellationToken.None);

        Assert.Equal("42", response.ValueOf("+CMGS:"));
        Assert.Equal(["AT+CMGS=23", pdu], modem.Commands);
    }

    [Fact]
    public async Task ExecuteWithPayload_EchoOnAndPromptSplit_IgnoresEchoedPdu()
    {
        const string pdu = "0001000B916407281553F80000";
        var modem = new ScriptedModemStream()
            .Expect("AT+CMGS=12", "AT+CMGS=12\r", "\r\n>", " ")
            .Expect(pdu, pdu + "\x1A\r\n", "\r\n+CMGS: 7\r\n", "\r\nOK\r\n");
        await using var sut = new AtChannel(modem);

        var response = await sut.ExecuteWithPayloadAsync("AT+CMGS=12", pdu, Timeout, CancellationToken.None);

        Assert.Equal(["+CMGS: 7"], response.Lines);
    }

    [Fact]
    public async Task ExecuteWithPayload_ErrorInsteadOfPrompt_ThrowsWithoutWritingPayload()
    {
        var modem = new ScriptedModemStream().Expect("AT+CMGS=23", "\r\n+CMS ERROR: 304\r\n");
        await using var sut = new AtChannel(modem);

        var error = await Assert.ThrowsAsync<AtCommandException>(
            () => sut.ExecuteWithPayloadAsync("AT+CMGS=23", "00AA", Timeout, CancellationToken.None));

        Assert.Equal((AtErrorKind.Cms, 304), (error.Kind, error.ErrorCode));
        Assert.Equal(["AT+CMGS=23"], modem.Commands);
    }

    [Theory]
    [InlineData("\r\n+CMS ERROR: 500\r\n", AtErrorKind.Cms, 500)]
    [InlineData("\r\n+CME ERROR: 10\r\n", AtErrorKind.Cme, 10)]
    [InlineData("\r\n+CMS ERROR: Unknown error\r\n", AtErrorKind.Cms, null)]
    [InlineData("\r\nERROR\r\n", AtErrorKind.Error, null)]
    [InlineData("\r\nCOMMAND NOT SUPPORT\r\n", AtErrorKind.Error, null)]
    public async Task Execute_ErrorResult_ThrowsAtCommandException(string reply, AtErrorKind kind, int? code)
    {
        var modem = new ScriptedModemStream().Expect("AT+CPIN?", reply);
        await using var sut = new AtChannel(modem);

        var error = await Assert.ThrowsAsync<AtCommandException>(() => sut.ExecuteAsync("AT+CPIN?", Timeout, CancellationToken.None));

        Assert.Equal((kind, code), (error.Kind, error.ErrorCode));
        Assert.Equal("AT+CPIN?", error.Command);
    }

    [Fact]
    public async Task Execute_GarbageBytesBeforeResponse_StillParsesResponse()
    {
        var modem = new ScriptedModemStream();
        modem.PushBytes([0x00, 0xFF, 0xFE, 0x80, 0xC3, 0x28, 0x1B, 0x07]);
        modem.PushBytes([0x0D, 0x0A, 0xFF, 0x00]);
        modem.Expect("AT+CGMI", "\r\nhuawei\r\n", "\r\nOK\r\n");
        await using var sut = new AtChannel(modem);

        var response = await sut.ExecuteAsync("AT+CGMI", Timeout, CancellationToken.None);

        Assert.Equal(["huawei"], response.Lines);
    }

    [Fact]
    public async Task Execute_NoiseInsideResponse_DropsNoiseAndKeepsCodes()
    {
        var modem = new ScriptedModemStream().Expect("AT+CSQ");
        await using var sut = new AtChannel(modem);

        var pending = sut.ExecuteAsync("AT+CSQ", Timeout, CancellationToken.None);
        await modem.WaitForCommandsAsync(1);
        modem.PushBytes([0x0D, 0x0A, 0xC3, 0x28, 0x00, 0x0D, 0x0A, 0xFF, 0x2B, 0x43, 0x53, 0x51, 0x3A, 0x20, 0x33, 0x2C, 0x39, 0x39, 0x0D, 0x0A]);
        modem.PushBytes([0x0D, 0x0A, 0xFE, 0x4F, 0x4B, 0x0D, 0x0A]);
        var response = await pending;

        Assert.Equal(["+CSQ: 3,99"], response.Lines);
    }

    [Fact]
    public async Task Execute_EndlessLineWithoutBreak_DoesNotBlockLaterResponse()
    {
        var modem = new ScriptedModemStream();
        modem.PushBytes(Enumerable.Repeat((byte)'x', 20_000).ToArray());
        modem.Expect("AT", "\r\nOK\r\n");
        await using var sut = new AtChannel(modem);

        var response = await sut.ExecuteAsync("AT", Timeout, CancellationToken.None);

        Assert.Empty(response.Lines);
    }

    [Fact]
    public async Task Execute_LineSplitAcrossReads_IsReassembled()
    {
        var modem = new ScriptedModemStream().Expect("AT+CSQ", "\r\n+CS", "Q: 2", "1,99\r", "\n\r\nO", "K\r\n");
        await using var sut = new AtChannel(modem);

        var response = await sut.ExecuteAsync("AT+CSQ", Timeout, CancellationToken.None);

        Assert.Equal(["+CSQ: 21,99"], response.Lines);
    }

    [Fact]
    public async Task Execute_InformationLinesAndPdu_ReturnsAllLines()
    {
        const string pdu = "07919471060040340409D0C6A733390000222011912244800AC8329BFD06";
        var modem = new ScriptedModemStream().Expect("AT+CMGR=3", $"\r\n+CMGR: 0,,29\r\n{pdu}\r\n\r\nOK\r\n");
        await using var sut = new AtChannel(modem);

        var response = await sut.ExecuteAsync("AT+CMGR=3", Timeout, CancellationToken.None);

        Assert.Equal(["+CMGR: 0,,29", pdu], response.Lines);
    }

    [Fact]
    public async Task Urcs_CmtAndCdsWithPduLine_CarryTheirBody()
    {
        var modem = new ScriptedModemStream();
        await using var sut = new AtChannel(modem);

        modem.Push("\r\n+CMT: ,24\r\n", "07911326040000F0040B911346610089F60000208062917314800CC8F71D14969741F977FD07\r\n");
        modem.Push("\r\n+CDS: 25\r\n07917283010010F5060A8170600000000000\r\n", "\r\nRING\r\n");

        var cmt = await ReadUrcAsync(sut);
        var cds = await ReadUrcAsync(sut);
        var ring = await ReadUrcAsync(sut);
        Assert.Equal(("+CMT", "07911326040000F0040B911346610089F60000208062917314800CC8F71D14969741F977FD07"), (cmt.Name, cmt.Body));
        Assert.Equal(("+CDS", "25"), (cds.Name, cds.Value));
        Assert.Equal("07917283010010F5060A8170600000000000", cds.Body);
        Assert.Equal("RING", ring.Name);
    }

    [Fact]
    public async Task Execute_ConcurrentCallers_RunOneAtATime()
    {
        var modem = new ScriptedModemStream()
            .Expect("AT+CGMI", "\r\nQuectel\r\n\r\nOK\r\n")
            .Expect("AT+CGMM", "\r\nEC25\r\n\r\nOK\r\n");
        await using var sut = new AtChannel(modem);

        var first = sut.ExecuteAsync("AT+CGMI", Timeout, CancellationToken.None);
        var second = sut.ExecuteAsync("AT+CGMM", Timeout, CancellationToken.None);
        var responses = await Task.WhenAll(first, second);

        Assert.Equal("Quectel", responses[0].Lines[0]);
        Assert.Equal("EC25", responses[1].Lines[0]);
        Assert.Empty(modem.Unexpected);
    }

    internal static async Task<AtUrc> ReadUrcAsync(AtChannel channel)
    {
        using var cts = new CancellationTokenSource(Timeout);
        return await channel.Urcs.ReadAsync(cts.Token);
    }
}
