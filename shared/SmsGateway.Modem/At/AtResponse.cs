namespace SmsGateway.Modem.At;

/// <summary>The information lines a command returned before its final <c>OK</c> (echo and URCs removed).</summary>
public sealed record AtResponse(IReadOnlyList<string> Lines)
{
    public static AtResponse Empty { get; } = new([]);

    /// <summary>The text after <paramref name="prefix"/> (e.g. <c>"+CSQ:"</c>) on the first line that has it, trimmed.</summary>
    public string? ValueOf(string prefix)
    {
        foreach (var line in Lines)
        {
            if (line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return line[prefix.Length..].Trim();
            }
        }

        return null;
    }
}
