using SmsGateway.Core.Receiving.Inbound;
using SmsGateway.Telegram.Formatting;
using SmsGateway.Telegram.Tests.Support;

namespace SmsGateway.Telegram.Tests.Formatting;

public sealed class ForwardFormatterTests
{
    [Fact]
    public void Format_AShortSms_ShowsSenderSentTimeWithItsZoneAndText()
    {
        var text = Assert.Single(ForwardFormatter.Format(BridgeHost.Sms("Grüße aus Köln 😀")));

        Assert.Equal("📩 SMS from +49 1511 2345678\n🕒 2025-03-14 15:09:26 UTC+01:00\n\nGrüße aus Köln 😀", text);
    }

    [Fact]
    public void Format_AnIncompleteMultipartSms_SaysWhichPartsAreMissing()
    {
        var sms = BridgeHost.Sms("first part " + InboundText.GapMarker + " third part", missing: [2], parts: 3);

        var text = Assert.Single(ForwardFormatter.Format(sms));

        Assert.Contains("⚠️ Incomplete: part(s) 2 of 3 did not arrive.", text);
        Assert.EndsWith("first part […] third part", text);
    }

    [Fact]
    public void Format_ATruncatedSms_SaysItWasCutShort()
    {
        var cut = Assert.Single(ForwardFormatter.Format(BridgeHost.Sms("what arrived") with { Truncated = true }));
        var whole = Assert.Single(ForwardFormatter.Format(BridgeHost.Sms("all of it")));

        Assert.Contains("⚠️ Cut short", cut);
        Assert.EndsWith("what arrived", cut);
        Assert.DoesNotContain("Cut short", whole);
    }

    [Fact]
    public void Format_ALateFragment_SaysSo()
    {
        var sms = BridgeHost.Sms("late") with { FragmentOf = "01a2" };

        Assert.Contains("A late part of an earlier message", Assert.Single(ForwardFormatter.Format(sms)));
    }

    [Fact]
    public void Format_TextLongerThanTelegramAllows_IsSplitIntoNumberedMessagesThatKeepEveryCharacter()
    {
        var words = string.Join(' ', Enumerable.Range(0, 1500).Select(i => $"wörd{i}😀"));
        var sms = BridgeHost.Sms(words);

        var messages = ForwardFormatter.Format(sms);

        Assert.Equal(4, messages.Count);
        Assert.All(messages, m => Assert.True(m.Length <= ForwardFormatter.MaxMessageLength, $"{m.Length} characters"));
        Assert.Contains("(1/4)", messages[0]);
        Assert.StartsWith("📩 SMS from +49 1511 2345678 (continued 4/4)\n\n", messages[3]);
        var body = string.Concat(messages.Select(m => m[(m.IndexOf("\n\n", StringComparison.Ordinal) + 2)..]));
        Assert.Equal(words, body);
    }

    [Fact]
    public void Split_NeverCutsASurrogatePair()
    {
        var text = new string('a', 9) + string.Concat(Enumerable.Repeat("😀", 20));

        var pieces = ForwardFormatter.Split(text, 10);

        Assert.Equal(text, string.Concat(pieces));
        Assert.All(pieces, p => Assert.False(char.IsHighSurrogate(p[^1])));
        Assert.All(pieces, p => Assert.True(p.Length <= 10));
    }
}
