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

    /// <summary>Set when the adapter dead-letters: when, and the item's delivery count at that moment.</summary>
    public const string DeadLetteredAt = "deadLetteredAt";

    public const string DeadLetterDeliveryCount = "deadLetterDeliveryCount";

    /// <summary>The SQL filter of the high-priority subscription.</summary>
    public const string HighPriorityFilter = "priority = 'high'";

    /// <summary>The SQL filter of the main subscription when a high-priority subscription exists.</summary>
    public const string NormalPriorityFilter = "priority IS NULL OR priority <> 'high'";
}
