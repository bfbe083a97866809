using SmsGateway.Core.Phone;

namespace SmsGateway.Core.Tests.Phone;

public sealed class PhoneNumberNormalizerTests
{
    [Theory]
    [InlineData("+4915112345678", "+4915112345678")]
    [InlineData("+49 151 1234 5678", "+4915112345678")]
    [InlineData("+49 (0)151-1234-5678", "+4915112345678")]
    [InlineData("004915112345678", "+4915112345678")]
    [InlineData("+1 415 555 2671", "+14155552671")]
    [InlineData("+44 7911 123456", "+447911123456")]
    public void TryNormalize_International_ReturnsE164(string input, string expected)
    {
        var sut = new PhoneNumberNormalizer(defaultRegion: null);

        Assert.True(sut.TryNormalize(input, out var e164, out var error), error);
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("+999")]
    [InlineData("+49 123")]
    [InlineData("hello")]
    [InlineData("+4915112345678901234567890123456789")]
    public void TryNormalize_Invalid_ReturnsAReason(string? input)
    {
        var sut = new PhoneNumberNormalizer(defaultRegion: null);

        Assert.False(sut.TryNormalize(input, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void TryNormalize_NationalWithoutDefaultRegion_IsRefusedNamingTheSetting()
    {
        var sut = new PhoneNumberNormalizer(defaultRegion: null);

        Assert.False(sut.TryNormalize("0151 12345678", out _, out var error));
        Assert.Contains("Sms:DefaultRegion", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DE", "0151 12345678", "+4915112345678")]
    [InlineData("de", "015112345678", "+4915112345678")]
    [InlineData("US", "(415) 555-2671", "+14155552671")]
    public void TryNormalize_NationalWithDefaultRegion_ReturnsE164(string region, string input, string expected)
    {
        var sut = new PhoneNumberNormalizer(region);

        Assert.True(sut.TryNormalize(input, out var e164, out var error), error);
        Assert.Equal(expected, e164);
    }

    [Fact]
    public void TryNormalize_NationalNumberInvalidForTheRegion_IsRefused()
    {
        var sut = new PhoneNumberNormalizer("DE");

        Assert.False(sut.TryNormalize("0000", out _, out _));
    }

    [Theory]
    [InlineData("+4915112345678", "+49151****678")]
    [InlineData("+14155552671", "+14155****671")]
    [InlineData("12345", "*****")]
    public void Mask_HidesTheMiddle(string number, string expected)
    {
        Assert.Equal(expected, PhoneMask.Mask(number));
    }
}
