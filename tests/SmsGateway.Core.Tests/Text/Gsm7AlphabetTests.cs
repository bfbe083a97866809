using SmsGateway.Core.Text;

namespace SmsGateway.Core.Tests.Text;

public class Gsm7AlphabetTests
{
    // TS 23.038 §6.2.1, written out row by row from the spec table; 0x1B (escape) is not a character.
    private const string DefaultAlphabet =
        "@£$¥èéùìòÇ\nØø\rÅå" + "Δ_ΦΓΛΩΠΨΣΘΞ" + "ÆæßÉ" + " !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "\f^{}\\[~]|€";

    [Fact]
    public void DefaultAlphabet_Written_Has127Characters()
    {
        Assert.Equal(127, DefaultAlphabet.Length);
        Assert.Equal(127, DefaultAlphabet.Distinct().Count());
    }

    [Theory]
    [InlineData('@', 0x00)]
    [InlineData('£', 0x01)]
    [InlineData('$', 0x02)]
    [InlineData('Ç', 0x09)]
    [InlineData('\n', 0x0A)]
    [InlineData('\r', 0x0D)]
    [InlineData('Δ', 0x10)]
    [InlineData('_', 0x11)]
    [InlineData('Ξ', 0x1A)]
    [InlineData('É', 0x1F)]
    [InlineData('¤', 0x24)]
    [InlineData('¡', 0x40)]
    [InlineData('§', 0x5F)]
    [InlineData('¿', 0x60)]
    [InlineData('à', 0x7F)]
    public void TryEncode_DefaultCharacter_HasSpecCode(char c, int code)
    {
        Assert.True(Gsm7Alphabet.TryEncode(c.ToString(), out var septets));
        Assert.Equal([(byte)code], septets);
    }

    [Theory]
    [InlineData('\f', 0x0A)]
    [InlineData('^', 0x14)]
    [InlineData('{', 0x28)]
    [InlineData('}', 0x29)]
    [InlineData('\\', 0x2F)]
    [InlineData('[', 0x3C)]
    [InlineData('~', 0x3D)]
    [InlineData(']', 0x3E)]
    [InlineData('|', 0x40)]
    [InlineData('€', 0x65)]
    public void TryEncode_ExtensionCharacter_IsEscapePlusCode(char c, int code)
    {
        Assert.True(Gsm7Alphabet.TryEncode(c.ToString(), out var septets));
        Assert.Equal([0x1B, (byte)code], septets);
    }

    [Theory]
    [InlineData("ç")]
    [InlineData("`")]
    [InlineData("á")]
    [InlineData("Привет")]
    [InlineData("😀")]
    [InlineData("\u001B")]
    [InlineData("\t")]
    public void IsGsm7_CharacterOutsideAlphabet_ReturnsFalse(string text)
    {
        Assert.False(Gsm7Alphabet.IsGsm7(text));
        Assert.False(Gsm7Alphabet.TryEncode(text, out var septets));
        Assert.Empty(septets);
    }

    [Fact]
    public void DecodeOfTryEncode_WholeAlphabet_RoundTrips()
    {
        const string all = DefaultAlphabet + Extension;

        Assert.True(Gsm7Alphabet.IsGsm7(all));
        Assert.True(Gsm7Alphabet.TryEncode(all, out var septets));
        Assert.Equal(DefaultAlphabet.Length + (2 * Extension.Length), septets.Length);
        Assert.Equal(all, Gsm7Alphabet.Decode(septets));
    }

    [Fact]
    public void Decode_EveryDefaultCode_MatchesTableOrder()
    {
        var codes = Enumerable.Range(0, 128).Where(c => c != 0x1B).Select(c => (byte)c).ToArray();

        Assert.Equal(DefaultAlphabet, Gsm7Alphabet.Decode(codes));
    }

    [Fact]
    public void Decode_EscapeWithUndefinedCode_ShowsDefaultCharacter()
    {
        // ESC 0x41 is not in the extension table; TS 23.038 says show the default character ('A').
        Assert.Equal("A", Gsm7Alphabet.Decode([0x1B, 0x41]));
    }

    [Fact]
    public void Decode_TrailingEscape_IsDropped()
    {
        Assert.Equal("a", Gsm7Alphabet.Decode([0x61, 0x1B]));
    }
}
