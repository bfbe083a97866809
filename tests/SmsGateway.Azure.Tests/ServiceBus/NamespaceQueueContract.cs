using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;
using Microsoft.Extensions.Logging.Abstractions;
using SmsGateway.Azure.ServiceBus;
using SmsGateway.Contracts;
using SmsGateway.Core.Sending.Queue;

namespace SmsGateway.Azure.Tests.ServiceBus;

/// <summary>
/// The contract suite on a real namespace. Internal, so xunit does not run it directly: the skippable
/// <see cref="ServiceBusNamespaceContractTests"/> runs its tests one by one.
/// </summary>
internal sealed class NamespaceQueueContract(string connectionString) : QueueContractTests
{
    // Service Bus's shortest lock; waits are stretched by it because a lock cannot be made shorter.
    private static readonly TimeSpan LockDuration = TimeSpan.FromSeconds(5);

    private readonly ServiceBusClient _client = new(connectionString);
    private readonly ServiceBusAdministrationClient _administration = new(connectionString);
    private readonly ServiceBusQueueOptions _options = new()
    {
        Topic = (Environment.GetEnvironmentVariable("SMSGW_TEST_SERVICEBUS_TOPIC_PREFIX") ?? "smsgw-test") + "-" + Guid.NewGuid().ToString("N")[..8],
        Subscription = "sms",
        HighPrioritySubscription = "sms-high",
    };

    private ServiceBusChannel? _channel;

    // Service Bus drops a repeated MessageId without telling the sender.
    protected override bool CountsDuplicatePublishes => false;

    protected override async Task<IOutboundQueue> CreateQueueAsync()
    {
        await ServiceBusEntities.EnsureAsync(_administration, _options, LockDuration, TimeSpan.FromMinutes(10), CancellationToken.None);
        _channel = new ServiceBusChannel(_client, _administration, _options.Topic);
        return new ServiceBusOutboundQueue(_channel, _options, TimeProvider.System, NullLogger<ServiceBusOutboundQueue>.Instance);
    }

    protected override Task AdvanceAsync(TimeSpan span) => Task.Delay(span + LockDuration);

    public override async Task DisposeAsync()
    {
        if (_channel is not null)
        {
            await _channel.DisposeAsync();
        }

        await _administration.DeleteTopicAsync(_options.Topic);
        await _client.DisposeAsync();
    }
}
