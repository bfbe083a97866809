using PhoneNumbers;

namespace SmsGateway.Telegram.Formatting;

/// <summary>Shows numbers the way people read them: <c>+4915112345678</c> → <c>+49 151 12345678</c>.</summary>
public static class PhoneFormatter
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The international format of an E.164 number; anything else (a sender name, national digits) as it is.</summary>
    public static string Format(string number)
    {
        if (!number.StartsWith('+'))
        {
            return number;
        }

        try
        {
            var parsed = Util.Parse(number, null);
            return Util.IsValidNumber(parsed) ? Util.Format(parsed, PhoneNumberFormat.INTERNATIONAL) : number;
        }
        catch (NumberParseException)
        {
            return number;
        }
    }
}
