using SmsGateway.Core.Text;

namespace SmsGateway.Core.Tests.Text;

public class SmsTextAnalyzerTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    [InlineData(459, 3)]
    [InlineData(460, 4)]
    public void Analyze_AsciiText_CountsGsm7Segments(int length, int segments)
    {
        var info = SmsTextAnalyzer.Analyze(new string('x', length));

        Assert.Equal(SmsEncoding.Gsm7, info.Encoding);
        Assert.Equal(segments, info.Segments);
        Assert.Equal(length, info.Units);
        Assert.Equal(segments == 1 ? 160 : 153, info.UnitsPerSegment);
        Assert.Equal(segments, SmsTextAnalyzer.Split(new string('x', length)).Count);
    }

    [Fact]
    public void Analyze_EmptyText_IsZeroUnitsInOneSegment()
    {
        Assert.Equal(new SmsTextInfo(SmsEncoding.Gsm7, 1, 0, 160), SmsTextAnalyzer.Analyze(""));
        Assert.Equal([""], SmsTextAnalyzer.Split(""));
    }

    [Fact]
    public void Analyze_EightyEuroSigns_Is160SeptetsInOneSegment()
    {
        Assert.Equal(new SmsTextInfo(SmsEncoding.Gsm7, 1, 160, 160), SmsTextAnalyzer.Analyze(new string('€', 80)));
    }

    [Fact]
    public void Analyze_EightyOneEuroSigns_IsTwoSegments()
    {
        Assert.Equal(new SmsTextInfo(SmsEncoding.Gsm7, 2, 162, 153), SmsTextAnalyzer.Analyze(new string('€', 81)));
    }

    [Fact]
    public void Split_ExtensionCharacterAtPartBoundary_MovesWholeCharacterToNextPart()
    {
        // 152 plain septets, then '€' (2 septets) would straddle septet 153: the part stops at 152.
        var text = new string('a', 152) + "€" + new string('b', 10);

        var parts = SmsTextAnalyzer.Split(text);

        Assert.Equal(2, parts.Count);
        Assert.Equal(new string('a', 152), parts[0]);
        Assert.Equal("€" + new string('b', 10), parts[1]);
    }

    [Fact]
    public void Split_ExtensionCharacterEndingExactlyAtBoundary_StaysInPart()
    {
        var text = new string('a', 151) + "€" + new string('b', 10);

        var parts = SmsTextAnalyzer.Split(text);

        Assert.Equal(new string('a', 151) + "€", parts[0]);
        Assert.Equal(new string('b', 10), parts[1]);
    }

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void Analyze_CyrillicText_CountsUcs2Segments(int length, int segments)
    {
        var text = new string('Ж', length);

        var info = SmsTextAnalyzer.Analyze(text);

        Assert.Equal(SmsEncoding.Ucs2, info.Encoding);
        Assert.Equal(segments, info.Segments);
        Assert.Equal(length, info.Units);
        Assert.Equal(segments == 1 ? 70 : 67, info.UnitsPerSegment);
    }

    [Fact]
    public void Split_CyrillicText_Has67UnitsPerPart()
    {
        var parts = SmsTextAnalyzer.Split(new string('Ж', 140));

        Assert.Equal([67, 67, 6], parts.Select(p => p.Length));
    }

    [Fact]
    public void Analyze_OneNonGsmCharacter_SwitchesWholeTextToUcs2()
    {
        var text = new string('a', 69) + "ç";

        var info = SmsTextAnalyzer.Analyze(text);

        Assert.Equal(new SmsTextInfo(SmsEncoding.Ucs2, 1, 70, 70), info);
        Assert.Equal(2, SmsTextAnalyzer.Analyze(text + "b").Segments);
    }

    [Fact]
    public void Split_EmojiAtPartBoundary_NeverSplitsSurrogatePair()
    {
        // 66 units then an emoji (2 units) would straddle unit 67: the first part holds 66.
        var text = new string('a', 66) + "😀" + "tail";

        var parts = SmsTextAnalyzer.Split(text);

        Assert.Equal(SmsEncoding.Ucs2, SmsTextAnalyzer.Analyze(text).Encoding);
        Assert.Equal([new string('a', 66), "😀tail"], parts);
        Assert.All(parts, p => Assert.False(char.IsHighSurrogate(p[^1])));
    }

    [Fact]
    public void Split_OnlyEmoji_PartsHold66UnitsAndStayWellFormed()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 50)); // 100 UTF-16 code units

        var parts = SmsTextAnalyzer.Split(text);

        Assert.Equal([66, 34], parts.Select(p => p.Length));
        Assert.All(parts, p => Assert.True(char.IsHighSurrogate(p[0]) && char.IsLowSurrogate(p[^1])));
    }

    public static TheoryData<string> MixedTexts => new()
    {
        "",
        "short",
        string.Concat(Enumerable.Repeat("Hello €uro [x] ~ ", 40)),
        string.Concat(Enumerable.Repeat("Привет, мир! 😀 ", 30)),
        new string('€', 400),
    };

    [Theory]
    [MemberData(nameof(MixedTexts))]
    public void Split_AnyText_ConcatenationEqualsInput(string text)
    {
        var parts = SmsTextAnalyzer.Split(text);

        Assert.Equal(text, string.Concat(parts));
        Assert.Equal(SmsTextAnalyzer.Analyze(text).Segments, parts.Count);
    }

    [Fact]
    public void Split_ExplicitUcs2ForGsmText_UsesGivenCapacity()
    {
        var parts = SmsTextAnalyzer.Split(new string('a', 100), SmsEncoding.Ucs2, 66);

        Assert.Equal([66, 34], parts.Select(p => p.Length));
    }

    [Fact]
    public void Split_ExplicitGsm7WithForeignCharacter_Throws()
    {
        Assert.Throws<ArgumentException>(() => SmsTextAnalyzer.Split("ж", SmsEncoding.Gsm7, 152));
    }
}
