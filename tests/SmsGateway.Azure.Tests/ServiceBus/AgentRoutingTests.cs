using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SmsGateway.Azure.ServiceBus;
using SmsGateway.Core.Sending.Queue;
using SmsGateway.Testing;
using SmsGateway.Testing.ServiceBus;

namespace SmsGateway.Azure.Tests.ServiceBus;

/// <summary>
/// Pinning SMS to agents: intake sets <c>agentId</c> from <c>ServiceBus:Routes</c>, and the subscriptions' SQL rules
/// (the same text the infra declares) decide who gets what. Retries and replays keep the agent.
/// </summary>
public sealed class AgentRoutingTests
{
    private static readonly TimeSpan Lock = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly InMemoryServiceBus _bus;
    private readonly ServiceBusOutboundQueue _intake;
    private readonly ServiceBusOutboundQueue _siteA;
    private readonly ServiceBusOutboundQueue _shared;

    public AgentRoutingTests()
    {
        _bus = new InMemoryServiceBus(_time)
            .AddSubscription("sms", ServiceBusProperties.SubscriptionFilter("sms"))
            .AddSubscription("sms-site-a", ServiceBusProperties.SubscriptionFilter("sms-site-a"))
            .AddSubscription("sms-site-b", ServiceBusProperties.SubscriptionFilter("sms-site-b"));
        var routed = new ServiceBusQueueOptions();
        routed.Routes.Add(new AgentRoute { Prefix = "+49", AgentId = "site-a" });
        routed.Routes.Add(new AgentRoute { Prefix = "+49160", AgentId = "site-b" });
        _intake = Queue(routed);

        // The agents know no routes: what they publish (retries, replays) must stay where it was routed.
        _siteA = Queue(new ServiceBusQueueOptions { Subscription = "sms-site-a" });
        _shared = Queue(new ServiceBusQueueOptions { Subscription = "sms" });
    }

    [Fact]
    public async Task Publish_ARoutedNumber_GoesOnlyToItsAgentsSubscription_AndOthersToTheSharedOne()
    {
        await _intake.PublishAsync([Item("de", "+4915112345678"), Item("fr", "+33612345678")], null, CancellationToken.None);

        Assert.Equal("site-a", _bus.Sent[0].ApplicationProperties[ServiceBusProperties.AgentId]);
        Assert.False(_bus.Sent[1].ApplicationProperties.ContainsKey(ServiceBusProperties.AgentId));
        Assert.Equal("de", (await ReceiveAsync(_siteA)).Message.MessageId);
        Assert.Null(await _siteA.ReceiveAsync(Lock, TimeSpan.Zero, CancellationToken.None));
        Assert.Equal("fr", (await ReceiveAsync(_shared)).Message.MessageId);
        Assert.Null(await _shared.ReceiveAsync(Lock, TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public void Route_TheLongestMatchingPrefixWins()
    {
        var router = new AgentRouter([new AgentRoute { Prefix = "+49", AgentId = "site-a" }, new AgentRoute { Prefix = "+49160", AgentId = "site-b" }]);

        Assert.Equal("site-b", router.Route("+4916012345678"));
        Assert.Equal("site-a", router.Route("+4915112345678"));
        Assert.Null(router.Route("+33612345678"));
    }

    [Fact]
    public async Task BackoffClone_KeepsTheAgent_AndComesBackToItsSubscription()
    {
        await _intake.PublishAsync([Item("de", "+4915112345678")], null, CancellationToken.None);

        await _siteA.AbandonAsync(await ReceiveAsync(_siteA), TimeSpan.FromSeconds(10), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal("site-a", _bus.Sent[^1].ApplicationProperties[ServiceBusProperties.AgentId]);
        Assert.Null(await _shared.ReceiveAsync(Lock, TimeSpan.Zero, CancellationToken.None));
        Assert.Equal(2, (await ReceiveAsync(_siteA)).DeliveryCount);
    }

    [Fact]
    public async Task Replay_KeepsTheAgent()
    {
        await _intake.PublishAsync([Item("de", "+4916012345678")], null, CancellationToken.None);
        var siteB = Queue(new ServiceBusQueueOptions { Subscription = "sms-site-b" });
        await siteB.DeadLetterAsync(await ReceiveAsync(siteB), "PermanentError", "x", CancellationToken.None);

        Assert.True(await siteB.ReplayDeadLetterAsync("de.0", CancellationToken.None));

        Assert.Equal("site-b", _bus.Sent[^1].ApplicationProperties[ServiceBusProperties.AgentId]);
        Assert.Equal("de", (await ReceiveAsync(siteB)).Message.MessageId);
    }

    [Theory]
    [InlineData("49", "site-a", "Prefix")]
    [InlineData("+49 151", "site-a", "Prefix")]
    [InlineData("+49", "Site-A", "AgentId")]
    [InlineData("+49", "a'; DROP", "AgentId")]
    [InlineData("+49", "", "AgentId")]
    public void Validate_NamesTheBadKey(string prefix, string agentId, string key)
    {
        var problems = AgentRouter.Validate([new AgentRoute { Prefix = prefix, AgentId = agentId }]).ToList();

        Assert.Contains(problems, p => p.StartsWith($"ServiceBus:Routes:0:{key} is invalid", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ThePrefixTwice_IsAProblem()
    {
        var problems = AgentRouter.Validate([new AgentRoute { Prefix = "+49", AgentId = "a" }, new AgentRoute { Prefix = "+49", AgentId = "b" }]);

        Assert.Single(problems);
    }

    [Fact]
    public void SqlFilters_MatchThoseTheInfraDeclares()
    {
        var infra = RepositoryFiles.ReadAllText("infra", "core", "servicebus.bicep")
            + RepositoryFiles.ReadAllText("infra", "app", "agent.bicep");

        Assert.Contains($"sqlExpression: '{ServiceBusProperties.SharedFilter}'", infra, StringComparison.Ordinal);
        Assert.Contains("sqlExpression: 'agentId = \\'${agentId}\\''", infra, StringComparison.Ordinal);
        Assert.Equal("agentId = 'site-a'", ServiceBusProperties.SubscriptionFilter("sms-site-a"));
    }

    private static QueueItem Item(string messageId, string to) => new() { MessageId = messageId, DestinationIndex = 0, To = to, Text = "hello" };

    private static async Task<QueueLease> ReceiveAsync(ServiceBusOutboundQueue queue) =>
        await queue.ReceiveAsync(Lock, TimeSpan.Zero, CancellationToken.None) ?? throw new InvalidOperationException("nothing to receive");

    private ServiceBusOutboundQueue Queue(ServiceBusQueueOptions options) => new(_bus, options, _time, NullLogger<ServiceBusOutboundQueue>.Instance);
}
