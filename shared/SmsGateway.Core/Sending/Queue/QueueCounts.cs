namespace SmsGateway.Core.Sending.Queue;

/// <summary>How much work the queue holds: waiting or locked items, and dead letters.</summary>
/// <param name="Depth">Items waiting or locked.</param>
/// <param name="DeadLettered">Items in the dead-letter store.</param>
/// <param name="Capacity">The most items the queue holds, or null when it has no fixed bound.</param>
public sealed record QueueCounts(long Depth, long DeadLettered, long? Capacity = null);
