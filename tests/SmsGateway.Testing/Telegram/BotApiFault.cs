namespace SmsGateway.Testing.Telegram;

/// <summary>A wrong answer the fake Bot API can be told to give.</summary>
public sealed record BotApiFault(int Status, int? RetryAfter = null, bool Hang = false, string? Description = null)
{
    /// <summary>429 with <c>parameters.retry_after</c>, as Telegram's flood control answers.</summary>
    public static BotApiFault TooManyRequests(int retryAfterSeconds) => new(429, retryAfterSeconds, Description: $"Too Many Requests: retry after {retryAfterSeconds}");

    public static BotApiFault ServerError(int status = 502) => new(status, Description: "Bad Gateway");

    /// <summary>Never answers; the client must give up by itself.</summary>
    public static BotApiFault Timeout { get; } = new(0, Hang: true);

    public static BotApiFault BadRequest(string description) => new(400, Description: "Bad Request: " + description);
}
