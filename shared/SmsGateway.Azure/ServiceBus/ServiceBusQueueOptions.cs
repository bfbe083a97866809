using System.ComponentModel.DataAnnotations;

namespace SmsGateway.Azure.ServiceBus;

/// <summary>Which Service Bus topic and subscriptions carry the outbound queue (section <c>ServiceBus</c>).</summary>
public sealed class ServiceBusQueueOptions
{
    public const string SectionName = "ServiceBus";

    private const string EntityName = "^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$";
    private const string EntityNameError = "must be 1-50 letters, digits, '.', '_' or '-', starting with a letter or digit";

    /// <summary>A connection string with a shared access key. Exactly one of this and <see cref="FullyQualifiedNamespace"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary><c>name.servicebus.windows.net</c>, reached with a managed identity.</summary>
    public string? FullyQualifiedNamespace { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty for the system-assigned one or a developer login.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>The topic intake publishes to.</summary>
    [Required]
    [RegularExpression(EntityName, ErrorMessage = EntityNameError)]
    public string Topic { get; set; } = "outbound";

    /// <summary>The subscription this agent receives from: a shared <c>sms</c>, or <c>sms-&lt;agentId&gt;</c>.</summary>
    [Required]
    [RegularExpression(EntityName, ErrorMessage = EntityNameError)]
    public string Subscription { get; set; } = "sms";

    /// <summary>
    /// Service Bus has no message priority. When set, high-priority items travel through this second
    /// subscription (SQL filter <c>priority = 'high'</c>; the main one then filters them out) and are
    /// received first. When empty, priority is ignored and items come in enqueue order.
    /// </summary>
    [RegularExpression(EntityName, ErrorMessage = EntityNameError)]
    public string? HighPrioritySubscription { get; set; }

    /// <summary>Deliveries after which Service Bus itself dead-letters an item (used when entities are created by <see cref="ServiceBusEntities"/>).</summary>
    [Range(1, 2000)]
    public int MaxDeliveryCount { get; set; } = 5;

    /// <summary>
    /// How long a received item's lock is renewed (every half lock) while the agent works on it, as
    /// <c>ServiceBusProcessorOptions.MaxAutoLockRenewalDuration</c> does, so a long send (a hanging modem, its
    /// retries) keeps the item. Zero turns renewal off: the lock is then the subscription's lock duration.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "must be 0 to 24 hours")]
    public TimeSpan MaxLockRenewal { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Number prefixes pinned to agents (longest prefix wins), applied where SMS are published (intake). An SMS
    /// no route matches carries no <c>agentId</c> and goes to the shared subscription. Retries and replays keep
    /// the agent the first publish chose.
    /// </summary>
    public IList<AgentRoute> Routes { get; } = [];

    internal bool HasExactlyOneConnection =>
        string.IsNullOrWhiteSpace(ConnectionString) != string.IsNullOrWhiteSpace(FullyQualifiedNamespace);

    /// <summary>The subscriptions to receive from, in the order they are tried.</summary>
    internal IReadOnlyList<string> ReceiveOrder =>
        string.IsNullOrEmpty(HighPrioritySubscription) ? [Subscription] : [HighPrioritySubscription, Subscription];
}
