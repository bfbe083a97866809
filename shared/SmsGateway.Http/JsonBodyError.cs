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

    /// <summary>The message for a body that is not valid JSON, with where it went wrong.</summary>
    public static string NotJson(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return $"The body is not valid JSON (line {exception.LineNumber + 1}, position {exception.BytePositionInLine + 1}).";
    }
}
