namespace SmsGateway.Azure.ServiceBus;

/// <summary>Application property names on queue messages; subscription SQL filters and operators read them.</summary>
public static class ServiceBusProperties
{
    public const string MessageId = "messageId";
    public const string DestinationIndex = "destinationIndex";
    public const string SchemaVersion = "schemaVersion";

    /// <summary><c>normal</c> or <c>high</c>; the high-priority subscription filters on it.</summary>
    public const string Priority = "priority";

    /// <summary>The queue item id; differs from the Service Bus MessageId on clones (retries, replays).</summary>
    public const string ItemId = "itemId";

    /// <summary>Deliveries before this Service Bus message existed (a retry clone carries them over).</summary>
    public const string PriorDeliveries = "priorDeliveries";

    /// <summary>The agent an SMS is pinned to (see <see cref="AgentRouter"/>); absent for the shared subscription.</summary>
    public const string AgentId = "agentId";

    /// <summary>
    /// The W3C trace context of the request that queued the SMS, where tracing tools look for it (the body carries
    /// it too); the agent's send span joins that trace.
    /// </summary>
    public const string TraceParent = "traceparent";

    /// <summary>An agent's own subscription is this prefix and its id.</summary>
    public const string AgentSubscriptionPrefix = "sms-";

    /// <summary>Set when the adapter dead-letters: when, and the item's delivery count at that moment.</summary>
    public const string DeadLetteredAt = "deadLetteredAt";

    public const string DeadLetterDeliveryCount = "deadLetterDeliveryCount";

    /// <summary>The SQL filter of the high-priority subscription.</summary>
    public const string HighPriorityFilter = "priority = 'high'";

    /// <summary>The SQL filter of the main subscription when a high-priority subscription exists.</summary>
    public const string NormalPriorityFilter = "priority IS NULL OR priority <> 'high'";

    /// <summary>The SQL filter of the shared subscription: messages not pinned to an agent.</summary>
    public const string SharedFilter = "agentId IS NULL";

    /// <summary>
    /// The SQL filter of subscription <paramref name="subscription"/>: an agent's own (<c>sms-&lt;id&gt;</c>) takes the
    /// messages pinned to it, any other the unpinned ones. The infra templates declare the same rules.
    /// </summary>
    public static string SubscriptionFilter(string subscription) =>
        subscription.StartsWith(AgentSubscriptionPrefix, StringComparison.Ordinal)
            ? $"agentId = '{subscription[AgentSubscriptionPrefix.Length..]}'"
            : SharedFilter;
}
