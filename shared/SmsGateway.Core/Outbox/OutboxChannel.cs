namespace SmsGateway.Core.Outbox;

/// <summary>A channel with undelivered items, and when its oldest item may be taken (due and not locked).</summary>
public sealed record OutboxChannel(string Name, DateTimeOffset NextDueAt);
