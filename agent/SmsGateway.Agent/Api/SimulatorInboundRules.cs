using SmsGateway.Core.Text;

namespace SmsGateway.Agent.Api;

/// <summary>
/// What <c>POST /api/simulator/inbound</c> takes: exactly the senders the simulator's SMS-DELIVER can carry (the PDU
/// encoder's limits, TS 23.040 §9.1.2.5), so that nothing it refuses reaches the encoder, let alone the SIM.
/// </summary>
internal static class SimulatorInboundRules
{
    /// <summary>An address field holds at most 20 digits (10 octets of BCD).</summary>
    public const int MaxSenderDigits = 20;

    /// <summary>An alphanumeric sender is at most 11 GSM 7-bit septets (the same 10 octets, packed).</summary>
    public const int MaxAlphanumericSenderSeptets = 11;

    /// <summary>The simulator's own bound on an inbound text: ten SMS, far below the 255 parts a PDU can number.</summary>
    public const int MaxTextLength = 1600;

    public static Dictionary<string, string[]> Validate(SimulatorInboundBody body)
    {
        var errors = new Dictionary<string, string[]>();
        if (SenderError(body.From) is { } from)
        {
            errors["from"] = [from];
        }

        if (string.IsNullOrEmpty(body.Text) || body.Text.Length > MaxTextLength)
        {
            errors["text"] = [$"'text' must be 1 to {MaxTextLength} characters."];
        }

        return errors;
    }

    // The encoder reads the sender the same way: '+' or only digits make it a number, anything else a name.
    private static string? SenderError(string? from)
    {
        if (string.IsNullOrWhiteSpace(from))
        {
            return "'from' must be the sender: a phone number such as +4915112345678, or a name such as MyBank.";
        }

        if (from.StartsWith('+') || from.All(char.IsAsciiDigit))
        {
            var digits = from.StartsWith('+') ? from[1..] : from;
            return digits.Length is > 0 and <= MaxSenderDigits && digits.All(char.IsAsciiDigit)
                ? null
                : $"'from' is read as a phone number: an optional '+' and 1 to {MaxSenderDigits} digits, without spaces or other signs.";
        }

        if (!Gsm7Alphabet.TryEncode(from, out var septets))
        {
            return "'from' is read as a sender name, which may use only characters of the GSM 7-bit alphabet (no emoji, no accents outside it).";
        }

        return septets.Length <= MaxAlphanumericSenderSeptets
            ? null
            : $"'from' is read as a sender name, which is at most {MaxAlphanumericSenderSeptets} characters (€ [ ] {{ }} ^ ~ \\ | count twice).";
    }
}
