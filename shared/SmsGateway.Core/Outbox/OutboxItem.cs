namespace SmsGateway.Core.Outbox;

/// <summary>Something to deliver later, to a remote party the gateway does not control (Telegram, a cloud endpoint).</summary>
/// <param name="Channel">
/// Items of one channel are delivered one at a time in the order they were enqueued; different channels
/// are independent (e.g. one channel per Telegram chat, so a blocked chat never holds up another).
/// </param>
/// <param name="DedupeKey">Enqueueing the same key into the same channel again is a no-op, so callers may repeat a step after a crash.</param>
/// <param name="Payload">What to deliver, serialised by the caller; the outbox never reads it.</param>
/// <param name="DueAt">Not delivered before this time.</param>
public sealed record OutboxItem(string Channel, string DedupeKey, string Payload, DateTimeOffset DueAt);
