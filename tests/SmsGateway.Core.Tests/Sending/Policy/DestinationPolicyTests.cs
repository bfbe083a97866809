using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PhoneNumbers;
using SmsGateway.Core.Modem;
using SmsGateway.Core.Phone;
using SmsGateway.Core.Sending.Policy;
using SmsGateway.Testing;

namespace SmsGateway.Core.Tests.Sending.Policy;

public sealed class DestinationPolicyTests
{
    private const string German = "+4915112345678";
    private const string Austrian = "+436641234567";
    private const string American = "+14155552671";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Check_ConfiguredCountries_AllowsOnlyThose()
    {
        var sut = Policy(new DestinationPolicyOptions { AllowedCountryCodes = ["49", "+43"] });

        Assert.Null(sut.Check(German));
        Assert.Null(sut.Check(Austrian));
        var refused = sut.Check(American);
        Assert.NotNull(refused);
        Assert.Contains("+1", refused, StringComparison.Ordinal);
        Assert.Contains("+43, +49", refused, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Star_AllowsEveryCountry()
    {
        var sut = Policy(new DestinationPolicyOptions { AllowedCountryCodes = ["*"] }, SimIn("262011234567890"));

        Assert.Null(sut.Check(American));
    }

    [Fact]
    public void Check_NotConfigured_AllowsOnlyTheSimsHomeCountry()
    {
        var sut = Policy(new DestinationPolicyOptions(), SimIn("232011234567890"));

        Assert.Null(sut.Check(Austrian));
        Assert.NotNull(sut.Check(German));
    }

    [Fact]
    public void Check_NotConfiguredAndNoImsiYet_AllowsAll_ThenNarrowsWhenTheModemReports()
    {
        var modem = SimIn(null);
        var sut = Policy(new DestinationPolicyOptions(), modem);

        Assert.Null(sut.Check(American));

        modem.Status = new ModemStatus { Connected = true, Imsi = "262011234567890" };
        Assert.NotNull(sut.Check(American));
        Assert.Null(sut.Check(German));
    }

    [Theory]
    [InlineData("DE", PhoneNumberType.PREMIUM_RATE, "premium-rate")]
    [InlineData("GB", PhoneNumberType.PREMIUM_RATE, "premium-rate")]
    [InlineData("DE", PhoneNumberType.SHARED_COST, "shared-cost")]
    [InlineData("FR", PhoneNumberType.SHARED_COST, "shared-cost")]
    public void Check_PremiumAndSharedCost_AreRefusedUnlessAllowed(string region, PhoneNumberType type, string named)
    {
        var util = PhoneNumberUtil.GetInstance();
        var number = util.Format(util.GetExampleNumberForType(region, type), PhoneNumberFormat.E164);

        var refused = Policy(new DestinationPolicyOptions { AllowedCountryCodes = ["*"] }).Check(number);
        var allowed = Policy(new DestinationPolicyOptions { AllowedCountryCodes = ["*"], AllowPremium = true }).Check(number);

        Assert.NotNull(refused);
        Assert.Contains(named, refused, StringComparison.Ordinal);
        Assert.Null(allowed);
    }

    [Theory]
    [InlineData("49", true)]
    [InlineData("+43", true)]
    [InlineData("1", true)]
    [InlineData("1234", false)]
    [InlineData("DE", false)]
    [InlineData("0", false)]
    [InlineData("", false)]
    public void CountryCodes_TryParse_AcceptsOneToThreeDigits(string value, bool expected) =>
        Assert.Equal(expected, CountryCodes.TryParse(value, out _));

    [Theory]
    [InlineData("262011234567890", 49, "DE")]
    [InlineData("310150123456789", 1, "US")]
    [InlineData("234150123456789", 44, "GB")]
    public void CountryCodes_TryGetHomeCountry_MapsTheImsisMcc(string imsi, int code, string region)
    {
        Assert.True(CountryCodes.TryGetHomeCountry(imsi, out var actualCode, out var actualRegion));
        Assert.Equal(code, actualCode);
        Assert.Equal(region, actualRegion);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("999011234567890")]
    public void CountryCodes_TryGetHomeCountry_UnknownImsi_IsFalse(string? imsi) =>
        Assert.False(CountryCodes.TryGetHomeCountry(imsi, out _, out _));

    [Fact]
    public void OptionsValidator_NamesTheBadEntry()
    {
        var result = new DestinationPolicyOptionsValidator().Validate(null, new DestinationPolicyOptions { AllowedCountryCodes = ["49", "Germany"], PerDestinationPerHour = -1 });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("Sms:AllowedCountryCodes", StringComparison.Ordinal) && f.Contains("Germany", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Sms:PerDestinationPerHour", StringComparison.Ordinal));
    }

    /// <summary>A modem whose SIM has this IMSI (none yet: not connected); the policy only reads its status.</summary>
    private static ScriptedModem SimIn(string? imsi) => new() { Status = new ModemStatus { Connected = imsi is not null, Imsi = imsi } };

    private DestinationPolicy Policy(DestinationPolicyOptions options, ISmsModem? modem = null) =>
        new(Microsoft.Extensions.Options.Options.Create(options), _time, NullLogger<DestinationPolicy>.Instance, modem);
}
