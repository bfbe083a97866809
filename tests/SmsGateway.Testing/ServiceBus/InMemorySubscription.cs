namespace SmsGateway.Testing.ServiceBus;

/// <summary>A subscription of the in-memory topic: its rule, lock settings, messages and dead letters.</summary>
public sealed class InMemorySubscription(string name, Func<IReadOnlyDictionary<string, object>, bool> filter, TimeSpan lockDuration, int maxDeliveryCount)
{
    public string Name { get; } = name;

    public Func<IReadOnlyDictionary<string, object>, bool> Filter { get; } = filter;

    public TimeSpan LockDuration { get; } = lockDuration;

    public int MaxDeliveryCount { get; } = maxDeliveryCount;

    public List<InMemoryEntry> Active { get; } = [];

    public List<InMemoryEntry> DeadLetters { get; } = [];
}
