using Microsoft.Extensions.DependencyInjection;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Sending.Intake;
using SmsGateway.Core.Sending.Queue;
using SmsGateway.Core.Sending.Records;
using SmsGateway.Core.Tests.Sending.DeliveryReports;

namespace SmsGateway.Core.Tests.Sending.Intake;

/// <summary>A message stored but refused by the queue is failed, so that it is never sent later — even if the client hangs up.</summary>
public sealed class MessageIntakeQueueFullTests
{
    [Fact]
    public async Task Submit_QueueFullAfterStoring_AndTheClientHangsUp_StillFailsTheStoredMessage()
    {
        using var request = new CancellationTokenSource();
        var store = new InMemoryMessageStore { HonourCancellation = true };
        await using var services = Services(store, new RefusableQueue { RefuseAtPublish = true, BeforeRefusing = request.Cancel });

        var result = await services.GetRequiredService<MessageIntake>()
            .SubmitAsync(new SendMessageCommand(["+4915112345678"], "hello"), request.Token);

        Assert.IsType<IntakeResult.QueueFull>(result);
        var stored = Assert.Single(store.All);
        Assert.All(stored.Destinations, d => Assert.Equal(DestinationStatus.Failed, d.Status));
    }

    private static ServiceProvider Services(IMessageStore store, IOutboundQueue queue) => IntakeServices.Build(store, queue);
}
