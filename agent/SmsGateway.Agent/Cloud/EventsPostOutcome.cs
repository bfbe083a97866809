namespace SmsGateway.Agent.Cloud;

/// <summary>What the cloud did with a batch of events.</summary>
public enum EventsPostResult
{
    /// <summary>Stored (2xx): the events are settled.</summary>
    Accepted,

    /// <summary>Refused as malformed (400, 413, 422): sending the same bytes again would fail again.</summary>
    Rejected,

    /// <summary>Not reached, not now, or not authorised yet (network, timeout, 401/403/404, 408, 429, 5xx): try again later.</summary>
    RetryLater,
}

/// <param name="Result">The class of the answer.</param>
/// <param name="StatusCode">The HTTP status, when there was an answer.</param>
/// <param name="RetryAfter">The server's <c>Retry-After</c>, when it gave one.</param>
/// <param name="Problem">A short description for the log and the outbox's last error (never a key, never event content).</param>
public sealed record EventsPostOutcome(EventsPostResult Result, int? StatusCode, TimeSpan? RetryAfter, string Problem);
