namespace SmsGateway.Core.Phone;

/// <summary>Masks phone numbers for logs: <c>+4915112345678</c> → <c>+49151****678</c>.</summary>
public static class PhoneMask
{
    public static string Mask(string? number)
    {
        if (string.IsNullOrEmpty(number))
        {
            return string.Empty;
        }

        if (number.Length <= 7)
        {
            return new string('*', number.Length);
        }

        var head = Math.Min(6, number.Length - 5);
        return string.Concat(number.AsSpan(0, head), "****", number.AsSpan(number.Length - 3));
    }
}
