using SmsGateway.Telegram.Formatting;

namespace SmsGateway.Telegram.Tests.Formatting;

public sealed class PhoneFormatterTests
{
    [Theory]
    [InlineData("+4915112345678", "+49 1511 2345678")]
    [InlineData("+14155552671", "+1 415-555-2671")]
    [InlineData("+442079460958", "+44 20 7946 0958")]
    public void Format_AValidE164Number_GivesTheInternationalFormat(string e164, string expected) =>
        Assert.Equal(expected, PhoneFormatter.Format(e164));

    [Theory]
    [InlineData("Vodafone")]
    [InlineData("015112345678")]
    [InlineData("+999")]
    public void Format_ANameOrANationalNumber_IsShownAsItIs(string sender) =>
        Assert.Equal(sender, PhoneFormatter.Format(sender));
}
