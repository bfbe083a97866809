namespace SmsGateway.Core.Sending.Queue;

/// <summary>The reasons a queue item is dead-lettered with; operators filter and scripts match on them.</summary>
public static class DeadLetterReasons
{
    /// <summary>The modem refused the SMS for good (for example <c>+CMS ERROR: 21</c>).</summary>
    public const string PermanentError = "PermanentError";

    /// <summary><c>Outbound:MaxAttempts</c> transient failures in a row.</summary>
    public const string RetryLimitExceeded = "RetryLimitExceeded";

    /// <summary>The queue item names a message the store does not have.</summary>
    public const string MessageNotFound = "MessageNotFound";

    /// <summary>Found <c>sending</c> after a crash with <c>Outbound:AfterCrash=unknown</c>: a person decides.</summary>
    public const string UnknownOutcomeAfterCrash = "UnknownOutcomeAfterCrash";

    /// <summary>The modem took the PDU and never answered, with <c>Outbound:AfterCrash=unknown</c>: a person decides.</summary>
    public const string UnknownOutcome = "UnknownOutcome";

    /// <summary>
    /// The reason a failed destination's error names (the processor writes <c>"{reason} after N attempt(s): …"</c>),
    /// or <see cref="RetryLimitExceeded"/> when it names none.
    /// </summary>
    public static string FromError(string? error) =>
        error?.StartsWith(PermanentError, StringComparison.Ordinal) == true ? PermanentError : RetryLimitExceeded;

    /// <summary>
    /// The reason an <c>unknown</c> destination's error names: <see cref="UnknownOutcome"/> when the processor recorded
    /// a send that went unanswered (<c>"UnknownOutcome after N attempt(s): …"</c>), else <see cref="UnknownOutcomeAfterCrash"/>.
    /// </summary>
    public static string FromUnknownError(string? error) =>
        error?.StartsWith(UnknownOutcome + " ", StringComparison.Ordinal) == true ? UnknownOutcome : UnknownOutcomeAfterCrash;
}
