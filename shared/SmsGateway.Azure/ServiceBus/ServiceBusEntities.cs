using Azure.Messaging.ServiceBus.Administration;

namespace SmsGateway.Azure.ServiceBus;

/// <summary>
/// Creates the topic and subscriptions the queue expects, when they are missing: duplicate detection
/// on the topic, peek-lock subscriptions with the agent-pinning and priority filters. Infrastructure templates should
/// declare the same; this is for tests against a real namespace and for trying things out.
/// </summary>
public static class ServiceBusEntities
{
    /// <summary>Service Bus's longest lock, matching the agent's default <c>Outbound:LockDuration</c>.</summary>
    public static readonly TimeSpan DefaultLockDuration = TimeSpan.FromMinutes(5);

    /// <summary>Long enough that queue recovery re-publishing a waiting item within a day is dropped as a duplicate.</summary>
    public static readonly TimeSpan DefaultDuplicateDetectionWindow = TimeSpan.FromDays(1);

    public static async Task EnsureAsync(
        ServiceBusAdministrationClient administration,
        ServiceBusQueueOptions options,
        TimeSpan? lockDuration,
        TimeSpan? duplicateDetectionWindow,
        CancellationToken cancellationToken)
    {
        if (!await administration.TopicExistsAsync(options.Topic, cancellationToken))
        {
            await administration.CreateTopicAsync(
                new CreateTopicOptions(options.Topic)
                {
                    RequiresDuplicateDetection = true,
                    DuplicateDetectionHistoryTimeWindow = duplicateDetectionWindow ?? DefaultDuplicateDetectionWindow,
                },
                cancellationToken);
        }

        var high = options.HighPrioritySubscription;
        var pinning = ServiceBusProperties.SubscriptionFilter(options.Subscription);
        await EnsureSubscriptionAsync(
            administration, options, options.Subscription,
            string.IsNullOrEmpty(high) ? pinning : $"({pinning}) AND ({ServiceBusProperties.NormalPriorityFilter})",
            lockDuration, cancellationToken);
        if (!string.IsNullOrEmpty(high))
        {
            await EnsureSubscriptionAsync(
                administration, options, high, $"({pinning}) AND ({ServiceBusProperties.HighPriorityFilter})", lockDuration, cancellationToken);
        }
    }

    private static async Task EnsureSubscriptionAsync(
        ServiceBusAdministrationClient administration,
        ServiceBusQueueOptions options,
        string name,
        string filter,
        TimeSpan? lockDuration,
        CancellationToken cancellationToken)
    {
        if (await administration.SubscriptionExistsAsync(options.Topic, name, cancellationToken))
        {
            return;
        }

        var subscription = new CreateSubscriptionOptions(options.Topic, name)
        {
            LockDuration = lockDuration ?? DefaultLockDuration,
            MaxDeliveryCount = options.MaxDeliveryCount,
            DeadLetteringOnMessageExpiration = true,
        };
        var rule = new CreateRuleOptions(CreateRuleOptions.DefaultRuleName, new SqlRuleFilter(filter));
        await administration.CreateSubscriptionAsync(subscription, rule, cancellationToken);
    }
}
