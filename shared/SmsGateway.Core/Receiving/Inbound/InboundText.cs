namespace SmsGateway.Core.Receiving.Inbound;

/// <summary>Joins the text of received parts, marking where parts are missing.</summary>
public static class InboundText
{
    /// <summary>Stands for one or more consecutive parts that did not arrive.</summary>
    public const string GapMarker = "[…]";

    /// <summary>
    /// Concatenates <paramref name="textByPart"/> (keyed by 1-based part number) for parts 1 to
    /// <paramref name="partCount"/>, without separators: senders split text anywhere, even mid-word.
    /// </summary>
    public static string Join(IReadOnlyDictionary<int, string> textByPart, int partCount)
    {
        var builder = new System.Text.StringBuilder();
        var inGap = false;
        for (var number = 1; number <= partCount; number++)
        {
            if (textByPart.TryGetValue(number, out var text))
            {
                builder.Append(text);
                inGap = false;
            }
            else if (!inGap)
            {
                builder.Append(GapMarker);
                inGap = true;
            }
        }

        return builder.ToString();
    }
}
