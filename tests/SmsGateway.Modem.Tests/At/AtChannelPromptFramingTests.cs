using SmsGateway.Modem.At;

namespace SmsGateway.Modem.Tests.At;

/// <summary>
/// The <c>"&gt; "</c> prompt of <c>AT+CMGS</c> as real modems frame it. A prompt that is not recognised
/// makes the send wait its whole timeout and then retry every part, so each framing must be seen at once,
/// whole or split across reads, and the unsolicited lines around it must still reach the URC stream.
/// </summary>
public sealed class AtChannelPromptFramingTests
{
    // Long enough that a missed prompt fails the test by its assertion, not by a slow CI machine.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private const string Pdu = "0011000B916407281553F80000AA0AE8329BFD4697D9EC37";

    public static TheoryData<string, string, string[]> Framings => new()
    {
        { "standard: CR LF, '>', space, nothing after", "\r\n> ", [] },
        { "no space after '>'", "\r\n>", [] },
        { "CR LF after the prompt", "\r\n> \r\n", [] },
        { "bare CR after '>'", "\r\n>\r", [] },
        { "delivery-report notice in the same read", "\r\n> \r\n+CDSI: \"SM\",3\r\n", ["+CDSI"] },
        { "Huawei ^RSSI right after '>' without a space", "\r\n>\r\n^RSSI: 12\r\n", ["^RSSI"] },
        { "new-message notice on the prompt's own line", "\r\n> +CMTI: \"SM\",1\r\n", ["+CMTI"] },
        { "unsolicited lines before the prompt", "\r\n^RSSI: 17\r\n\r\n+CMTI: \"SM\",2\r\n\r\n> ", ["^RSSI", "+CMTI"] },
        { "ZTE: +ZPASR before, +ZDONR after", "\r\n+ZPASR: \"UMTS\"\r\n\r\n> \r\n+ZDONR: \"Vodafone\",262,2,\"CS_PS\",\"ROAM_OFF\"\r\n", [] },
        { "noise byte before the prompt", "\r\n\u0000> ", [] },
        { "echo of the command, then the prompt", "AT+CMGS=23\r\r\n> ", [] },
    };

    [Theory]
    [MemberData(nameof(Framings))]
    public async Task ExecuteWithPayload_PromptInOneRead_WritesPayloadAtOnce(string framing, string reply, string[] urcs)
    {
        _ = framing;
        await AssertPromptRecognisedAsync([reply], urcs);
    }

    [Theory]
    [MemberData(nameof(Framings))]
    public async Task ExecuteWithPayload_PromptSplitIntoSingleBytes_WritesPayloadAtOnce(string framing, string reply, string[] urcs)
    {
        _ = framing;
        await AssertPromptRecognisedAsync([.. reply.Select(c => c.ToString())], urcs);
    }

    [Fact]
    public async Task ExecuteWithPayload_GreaterThanInsideAnotherLine_IsNotThePrompt()
    {
        // A line that merely contains '>' (an operator name, a vendor banner) must not release the payload.
        var modem = new ScriptedModemStream().Expect("AT+CMGS=23", "\r\n^SYSINFO-->\r\n");
        await using var sut = new AtChannel(modem);

        var error = await Assert.ThrowsAsync<AtTimeoutException>(
            () => sut.ExecuteWithPayloadAsync("AT+CMGS=23", Pdu, TimeSpan.FromMilliseconds(300), CancellationToken.None));

        Assert.False(error.PayloadSent);
        Assert.DoesNotContain(Pdu, modem.Commands);
    }

    [Fact]
    public async Task Execute_CommandWithoutPayload_TakesALoneGreaterThanAsALine()
    {
        // Only a command that waits for a prompt has one; anything else keeps '>' as text.
        var modem = new ScriptedModemStream().Expect("AT+CUSD=1,\"*100#\",15", "\r\n>\r\n\r\nOK\r\n");
        await using var sut = new AtChannel(modem);

        var response = await sut.ExecuteAsync("AT+CUSD=1,\"*100#\",15", Timeout, CancellationToken.None);

        Assert.Equal([">"], response.Lines);
    }

    private static async Task AssertPromptRecognisedAsync(string[] replyChunks, string[] expectedUrcs)
    {
        var modem = new ScriptedModemStream()
            .Expect("AT+CMGS=23", replyChunks)
            .Expect(Pdu, "\r\n+CMGS: 42\r\n\r\nOK\r\n");
        await using var sut = new AtChannel(modem);

        var response = await sut.ExecuteWithPayloadAsync("AT+CMGS=23", Pdu, Timeout, CancellationToken.None);

        Assert.Equal("42", response.ValueOf("+CMGS:"));
        Assert.Equal(["AT+CMGS=23", Pdu], modem.Commands);
        var received = new List<string>();
        while (sut.Urcs.TryRead(out var urc))
        {
            received.Add(urc.Name);
        }

        Assert.Equal(expectedUrcs, received);
    }
}
