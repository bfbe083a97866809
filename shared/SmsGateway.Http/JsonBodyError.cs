using System.Text.Json;

namespace SmsGateway.Http;

/// <summary>Which field of a JSON body a <see cref="JsonException"/> is about, so the problem can name it.</summary>
public static class JsonBodyError
{
    /// <summary>
    /// The top-level member (lower-cased) whose value had the wrong type; null when the body itself is not valid JSON.
    /// A syntax error comes wrapped around the reader's own <see cref="JsonException"/>; a wrong type does not.
    /// </summary>
    public static string? FieldOf(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var path = exception.Path;
        if (exception.InnerException is JsonException || path is null || !path.StartsWith("$.", StringComparison.Ordinal))
        {
            return null;
        }

        var name = path[2..];
        var end = name.IndexOfAny(['.', '[']);
        return (end < 0 ? name : name[..end]).ToLowerInvariant();
    }

    /// <summary>
    /// The member a strict body refused and why, when <paramref name="exception"/> is about one: a member the body
    /// does not have (<c>JsonUnmappedMemberHandling.Disallow</c>) or one given twice (<c>AllowDuplicateProperties = false</c>).
    /// System.Text.Json names the member only in its message, so it is read from there.
    /// </summary>
    public static (string Member, string Message)? StrictnessOf(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (Quoted(exception.Message, "could not be mapped to any .NET member") is { } unknown)
        {
            return (unknown, $"'{unknown}' is not a member of this request; nothing was stored. Remove it, or check its spelling.");
        }

        if (exception.Message.StartsWith("Duplicate", StringComparison.Ordinal) && Quoted(exception.Message, "Duplicate") is { } twice)
        {
            return (twice, $"'{twice}' is given more than once; give it once.");
        }

        return null;
    }

    /// <summary>The message for a body that is not valid JSON, with where it went wrong.</summary>
    public static string NotJson(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return $"The body is not valid JSON (line {exception.LineNumber + 1}, position {exception.BytePositionInLine + 1}).";
    }

    // The first '…'-quoted name of a message that contains marker.
    private static string? Quoted(string message, string marker)
    {
        if (!message.Contains(marker, StringComparison.Ordinal))
        {
            return null;
        }

        var start = message.IndexOf('\'', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        return end > start + 1 ? message[(start + 1)..end] : null;
    }
}
