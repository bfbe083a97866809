using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SmsGateway.Agent.DeadLetters;
using SmsGateway.Azure.ServiceBus;
using SmsGateway.Core.Sending.Queue;
using SmsGateway.Testing.ServiceBus;

namespace SmsGateway.Agent.Tests.Cloud;

/// <summary><c>deadletters list|replay</c> with <c>Gateway:Mode=cloud</c>: the Service Bus dead-letter queue, through the real adapter over the in-memory double.</summary>
public sealed class CloudDeadLetterCommandTests
{
    private static readonly string[] CloudSettings =
    [
        "--Gateway:Mode=cloud",
        "--ServiceBus:FullyQualifiedNamespace=test.servicebus.windows.net",
        $"--ServiceBus:Subscription={CloudAgentInstance.Subscription}",
    ];

    private readonly InMemoryServiceBus _bus = CloudAgentInstance.NewBus();

    [Fact]
    public async Task ListAndReplayByMessageId_WorkOnTheServiceBusDeadLetterQueue()
    {
        var first = CloudAgentInstance.Sms("first");
        var second = CloudAgentInstance.Sms("second");
        await DeadLetterAsync(first, DeadLetterReasons.UnknownOutcomeAfterCrash);
        await DeadLetterAsync(second, DeadLetterReasons.PermanentError);

        var (listExit, listed, _) = await RunAsync("list", "--json");
        var (replayExit, replayed, _) = await RunAsync("replay", first.MessageId);

        Assert.Equal(DeadLetterCommands.Success, listExit);
        var items = JsonDocument.Parse(listed).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(
            new[] { (first.ItemId, DeadLetterReasons.UnknownOutcomeAfterCrash), (second.ItemId, DeadLetterReasons.PermanentError) }.Order(),
            items.Select(i => (i.GetProperty("itemId").GetString()!, i.GetProperty("reason").GetString()!)).Order());

        Assert.Equal(DeadLetterCommands.Success, replayExit);
        Assert.Equal(first.ItemId, JsonDocument.Parse(replayed).RootElement.GetProperty("replayed")[0].GetString());
        var counts = await _bus.GetCountsAsync([CloudAgentInstance.Subscription], CancellationToken.None);
        Assert.Equal((1, 1), (counts.Active, counts.DeadLettered));
        var again = await Queue().ReceiveAsync(TimeSpan.FromMinutes(1), TimeSpan.Zero, CancellationToken.None);
        Assert.Equal((first.ItemId, 1), (again!.ItemId, again.DeliveryCount));
    }

    [Fact]
    public async Task ReplayAll_WithNothingDeadLettered_Succeeds_AndAnUnknownIdIsNotFound()
    {
        var (allExit, all, _) = await RunAsync("replay", "all");
        var (missingExit, missing, _) = await RunAsync("replay", "nope.0");

        Assert.Equal(DeadLetterCommands.Success, allExit);
        Assert.Equal(0, JsonDocument.Parse(all).RootElement.GetProperty("replayed").GetArrayLength());
        Assert.Equal(DeadLetterCommands.NotFound, missingExit);
        Assert.Equal("nope.0", JsonDocument.Parse(missing).RootElement.GetProperty("notFound")[0].GetString());
    }

    [Fact]
    public async Task CloudMode_WithoutServiceBusSettings_IsAConfigurationError()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await DeadLetterCommands.RunAsync(["deadletters", "list", "--Gateway:Mode=cloud"], output, error);

        Assert.Equal(DeadLetterCommands.ConfigurationError, exit);
        Assert.Contains("ServiceBus:", error.ToString(), StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] command)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await DeadLetterCommands.RunAsync(["deadletters", .. command, .. CloudSettings], output, error, b => b.Services.AddSingleton<IServiceBusChannel>(_bus));
        return (exit, output.ToString(), error.ToString());
    }

    private ServiceBusOutboundQueue Queue() =>
        new(_bus, new ServiceBusQueueOptions { FullyQualifiedNamespace = "test", Subscription = CloudAgentInstance.Subscription }, TimeProvider.System, NullLogger<ServiceBusOutboundQueue>.Instance);

    private async Task DeadLetterAsync(QueueItem item, string reason)
    {
        var queue = Queue();
        await queue.PublishAsync([item], null, CancellationToken.None);
        var lease = await queue.ReceiveAsync(TimeSpan.FromMinutes(1), TimeSpan.Zero, CancellationToken.None);
        await queue.DeadLetterAsync(lease!, reason, $"{reason}: test", CancellationToken.None);
    }
}
