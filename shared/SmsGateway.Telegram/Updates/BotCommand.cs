namespace SmsGateway.Telegram.Updates;

/// <summary>A command in a chat message: <c>/sms@MyBot +49151… Hello</c> → name <c>sms</c>, arguments <c>+49151… Hello</c>.</summary>
public sealed record BotCommand(string Name, string Arguments)
{
    public static BotCommand? Parse(string? text)
    {
        if (text is null || !text.StartsWith('/'))
        {
            return null;
        }

        var end = text.AsSpan().IndexOfAny(' ', '\n', '\t');
        var word = end < 0 ? text[1..] : text[1..end];
        var at = word.IndexOf('@', StringComparison.Ordinal);
        var name = (at < 0 ? word : word[..at]).ToLowerInvariant();
        return name.Length == 0 ? null : new BotCommand(name, end < 0 ? string.Empty : text[(end + 1)..].Trim());
    }

    /// <summary>Splits <c>&lt;number&gt; &lt;text&gt;</c>; the text keeps its line breaks.</summary>
    public bool TrySplitNumber(out string number, out string text)
    {
        var end = Arguments.AsSpan().IndexOfAny(' ', '\n', '\t');
        number = end < 0 ? Arguments : Arguments[..end];
        text = end < 0 ? string.Empty : Arguments[(end + 1)..].Trim();
        return number.Length > 0;
    }
}
