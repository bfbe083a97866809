namespace SmsGateway.Azure.ServiceBus;

/// <summary>Message counts of some subscriptions of a topic, and the topic's scheduled messages.</summary>
/// <param name="Active">Waiting or locked in the subscriptions.</param>
/// <param name="DeadLettered">In the subscriptions' dead-letter sub-queues.</param>
/// <param name="Scheduled">Held by the topic until their enqueue time (counted for the whole topic).</param>
public sealed record ServiceBusCounts(long Active, long DeadLettered, long Scheduled);
