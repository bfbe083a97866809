using Microsoft.Extensions.DependencyInjection;
using SmsGateway.Core.Sending.Intake;
using SmsGateway.Core.Sending.Queue;
using SmsGateway.Core.Tests.Sending.DeliveryReports;

namespace SmsGateway.Core.Tests.Sending.Intake;

/// <summary>Only a stored request uses a number's hourly share: a replay and a refusal cost nothing, and a retry of an accepted request is replayed even at a limit.</summary>
public sealed class MessageIntakeChargeTests
{
    private const string Number = "+4915112345678";

    [Fact]
    public async Task TwentyRetriesOfOneIdempotencyKey_AreReplayed_AndChargeTheNumberOnce()
    {
        await using var services = Services(perHour: 2, new RefusableQueue());
        var intake = services.GetRequiredService<MessageIntake>();

        var first = await intake.SubmitAsync(Send("hello", "key-1"), CancellationToken.None);
        for (var i = 0; i < 20; i++)
        {
            Assert.IsType<IntakeResult.Replayed>(await intake.SubmitAsync(Send("hello", "key-1"), CancellationToken.None));
        }

        Assert.IsType<IntakeResult.Accepted>(first);
        Assert.IsType<IntakeResult.Accepted>(await intake.SubmitAsync(Send("second"), CancellationToken.None));
        Assert.IsType<IntakeResult.RateLimited>(await intake.SubmitAsync(Send("third"), CancellationToken.None));
    }

    [Fact]
    public async Task RequestsRefusedBecauseTheQueueWasFull_CostTheNumberNothing()
    {
        var queue = new RefusableQueue { Capacity = 0 };
        await using var services = Services(perHour: 1, queue);
        var intake = services.GetRequiredService<MessageIntake>();

        Assert.IsType<IntakeResult.QueueFull>(await intake.SubmitAsync(Send("before storing"), CancellationToken.None));
        queue.Capacity = null;
        queue.RefuseAtPublish = true;
        Assert.IsType<IntakeResult.QueueFull>(await intake.SubmitAsync(Send("after storing"), CancellationToken.None));
        queue.RefuseAtPublish = false;

        Assert.IsType<IntakeResult.Accepted>(await intake.SubmitAsync(Send("room again"), CancellationToken.None));
        Assert.IsType<IntakeResult.RateLimited>(await intake.SubmitAsync(Send("over the limit"), CancellationToken.None));
    }

    [Fact]
    public async Task ARetryOfAnAcceptedRequest_IsReplayed_WhenTheNumberIsAtItsLimit_OrTheQueueIsFull()
    {
        var queue = new RefusableQueue();
        await using var services = Services(perHour: 1, queue);
        var intake = services.GetRequiredService<MessageIntake>();
        var accepted = Assert.IsType<IntakeResult.Accepted>(await intake.SubmitAsync(Send("hello", "key-1"), CancellationToken.None));
        Assert.IsType<IntakeResult.RateLimited>(await intake.SubmitAsync(Send("new", "key-2"), CancellationToken.None));

        var atLimit = Assert.IsType<IntakeResult.Replayed>(await intake.SubmitAsync(Send("hello", "key-1"), CancellationToken.None));
        queue.Capacity = 0;
        var queueFull = Assert.IsType<IntakeResult.Replayed>(await intake.SubmitAsync(Send("hello", "key-1"), CancellationToken.None));

        Assert.Equal(accepted.Message.Id, atLimit.Message.Id);
        Assert.Equal(accepted.Message.Id, queueFull.Message.Id);
        Assert.IsType<IntakeResult.KeyReused>(await intake.SubmitAsync(Send("other text", "key-1"), CancellationToken.None));
        Assert.Single(queue.Items);
    }

    private static SendMessageCommand Send(string text, string? key = null) => new([Number], text, IdempotencyKey: key);

    private static ServiceProvider Services(int perHour, IOutboundQueue queue) =>
        IntakeServices.Build(new InMemoryMessageStore(), queue, ("Sms:PerDestinationPerHour", perHour.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
