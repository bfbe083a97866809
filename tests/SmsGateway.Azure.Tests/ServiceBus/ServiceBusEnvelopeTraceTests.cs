using System.Text.Json;
using Azure.Messaging.ServiceBus;
using SmsGateway.Azure.ServiceBus;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Sending.Queue;
using SmsGateway.Core.Serialization;

namespace SmsGateway.Azure.Tests.ServiceBus;

/// <summary>The trace context rides on a queue message as a W3C <c>traceparent</c> application property, where tracing tools look for it.</summary>
public sealed class ServiceBusEnvelopeTraceTests
{
    private const string TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    [Fact]
    public void Create_PutsTheItemsTraceparentInTheApplicationProperties()
    {
        var message = ServiceBusEnvelope.Create(Item() with { TraceParent = TraceParent }, "id-1", null, 0, null);

        Assert.Equal(TraceParent, message.ApplicationProperties[ServiceBusProperties.TraceParent]);
        Assert.False(ServiceBusEnvelope.Create(Item(), "id-2", null, 0, null).ApplicationProperties.ContainsKey(ServiceBusProperties.TraceParent));
    }

    [Fact]
    public void Read_AMessageTracedOnlyByItsProperty_JoinsThatTrace()
    {
        var received = ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(Item(), CoreJsonContext.Default.QueueItem)),
            properties: new Dictionary<string, object> { [ServiceBusProperties.TraceParent] = TraceParent });

        Assert.Equal(TraceParent, ServiceBusEnvelope.Read(received).TraceParent);
    }

    private static QueueItem Item() =>
        new() { MessageId = Message.NewId(DateTimeOffset.UtcNow), DestinationIndex = 0, To = "+4915112345678", Text = "hello" };
}
