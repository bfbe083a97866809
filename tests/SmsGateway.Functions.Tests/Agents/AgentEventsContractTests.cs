using System.Text.Json;
using SmsGateway.Core.CloudProtocol;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Receiving.Inbound;

namespace SmsGateway.Functions.Tests.Agents;

/// <summary>Pins the wire shape the agent writes with <see cref="AgentJsonContext"/> and the cloud reads.</summary>
public sealed class AgentEventsContractTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Batch_RoundTrips_WithKindDiscriminatorAndSnakeCaseStatus()
    {
        var batch = new AgentEventBatch
        {
            Version = AgentEventBatch.CurrentVersion,
            Events =
            [
                new DestinationStatusChanged { EventId = "e1", OccurredAt = At, MessageId = "m1", DestinationIndex = 0, Status = DestinationStatus.Delivered, Attempts = 1, PartReferences = [17], DeliveredAt = At },
                new InboundSmsReceived { EventId = "e2", OccurredAt = At, Message = new InboundMessage { Id = new string('a', 32), Sender = "+4915199999999", SentAt = At, ReceivedAt = At, Text = "Hi" } },
                new AgentHeartbeat { EventId = "e3", OccurredAt = At, AgentId = "site-a", Modem = new AgentModemSnapshot { Connected = true, Registered = true, SignalDbm = -71 }, QueueDepth = 2 },
            ],
        };

        var json = JsonSerializer.Serialize(batch, AgentJsonContext.Default.AgentEventBatch);
        var back = JsonSerializer.Deserialize(json, AgentJsonContext.Default.AgentEventBatch)!;

        using var document = JsonDocument.Parse(json);
        var events = document.RootElement.GetProperty("events");
        Assert.Equal(1, document.RootElement.GetProperty("version").GetInt32());
        Assert.Equal(["destination_status", "inbound_sms", "heartbeat"], events.EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal("delivered", events[0].GetProperty("status").GetString());
        Assert.Equal(0, events[0].GetProperty("destinationIndex").GetInt32());
        Assert.Equal(-71, events[2].GetProperty("modem").GetProperty("signalDbm").GetInt32());
        Assert.Equal(batch.Events[2], back.Events[2]);
        Assert.Equal([17], ((DestinationStatusChanged)back.Events[0]).PartReferences);
        Assert.Equal("Hi", ((InboundSmsReceived)back.Events[1]).Message.Text);
    }

    [Fact]
    public void Response_WritesOutcomesInSnakeCase()
    {
        var json = JsonSerializer.Serialize(
            new AgentEventsResponse([new AgentEventResult("e1", AgentEventOutcome.Applied), new AgentEventResult("e2", AgentEventOutcome.Skipped, "stale: already delivered")]),
            AgentJsonContext.Default.AgentEventsResponse);

        Assert.Equal(
            "{\"results\":[{\"eventId\":\"e1\",\"outcome\":\"applied\",\"detail\":null},{\"eventId\":\"e2\",\"outcome\":\"skipped\",\"detail\":\"stale: already delivered\"}]}",
            json);
    }
}
