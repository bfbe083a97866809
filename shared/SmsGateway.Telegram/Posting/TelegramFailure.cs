using Telegram.Bot.Exceptions;

namespace SmsGateway.Telegram.Posting;

/// <summary>How the dispatcher treats a failed Bot API call.</summary>
internal enum TelegramFailureKind
{
    /// <summary>429: wait as long as Telegram says, without counting an attempt.</summary>
    RetryAfter,

    /// <summary>The edit would not change the message: the goal is reached.</summary>
    NothingToChange,

    /// <summary>400/403/404: Telegram refuses this request; retried a few times, then set aside.</summary>
    Rejected,

    /// <summary>Outage, 5xx, timeout, a bad token: retried with backoff for as long as it takes.</summary>
    Transient,
}

internal static class TelegramFailure
{
    public static TelegramFailureKind Classify(Exception exception, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (exception is not ApiRequestException api)
        {
            return TelegramFailureKind.Transient;
        }

        if (api.ErrorCode == 429)
        {
            retryAfter = TimeSpan.FromSeconds(Math.Max(1, api.Parameters?.RetryAfter ?? 1));
            return TelegramFailureKind.RetryAfter;
        }

        if (api.ErrorCode == 400 && api.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase))
        {
            return TelegramFailureKind.NothingToChange;
        }

        return api.ErrorCode is 400 or 403 or 404 ? TelegramFailureKind.Rejected : TelegramFailureKind.Transient;
    }
}
