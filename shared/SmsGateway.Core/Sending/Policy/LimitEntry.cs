namespace SmsGateway.Core.Sending.Policy;

/// <summary>One thing a limit counted.</summary>
/// <param name="Kind">Which limit counted it.</param>
/// <param name="Key">What it was counted for: a number, an API client.</param>
/// <param name="Reference">Makes the entry unique within its key, e.g. the message id, so counting it twice is a no-op.</param>
/// <param name="At">When it was counted.</param>
/// <param name="Count">How many units (SMS) it counts.</param>
public sealed record LimitEntry(string Kind, string Key, string Reference, DateTimeOffset At, int Count);
