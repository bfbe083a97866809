namespace SmsGateway.Modem.At;

/// <summary>
/// A received line; <paramref name="Noisy"/> when binary noise or invalid UTF-8 was stripped from it;
/// <paramref name="IsPrompt"/> for the <c>"&gt; "</c> prompt, which has no line end of its own.
/// </summary>
internal readonly record struct AtLine(string Text, bool Noisy, bool IsPrompt = false)
{
    public static AtLine Prompt { get; } = new(">", false, true);
}
