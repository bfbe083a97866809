namespace SmsGateway.Modem.At;

/// <summary>Hides secrets (SIM PIN/PUK, facility passwords) in commands before they reach a log or an exception.</summary>
internal static class AtRedaction
{
    private static readonly string[] SecretCommands = ["AT+CPIN=", "AT+CPIN2=", "AT+CPWD=", "AT+CLCK="];

    public static string Redact(string commandOrLine)
    {
        foreach (var prefix in SecretCommands)
        {
            if (commandOrLine.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return prefix + "***";
            }
        }

        return commandOrLine;
    }
}
