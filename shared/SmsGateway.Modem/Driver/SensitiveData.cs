namespace SmsGateway.Modem.Driver;

/// <summary>Masks phone numbers for logs: enough to tell two apart, not enough to identify anyone.</summary>
internal static class SensitiveData
{
    public static string MaskNumber(string? number)
    {
        if (string.IsNullOrEmpty(number))
        {
            return "(none)";
        }

        return number.Length <= 6
            ? new string('*', number.Length)
            : string.Concat(number.AsSpan(0, 4), new string('*', number.Length - 6), number.AsSpan(number.Length - 2));
    }
}
