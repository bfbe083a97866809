using System.Globalization;
using System.Text.Json;
using Azure.Messaging.ServiceBus;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Sending.Queue;
using SmsGateway.Core.Serialization;

namespace SmsGateway.Azure.ServiceBus;

/// <summary>Turns an <see cref="QueueItem"/> into a Service Bus message and back.</summary>
internal static class ServiceBusEnvelope
{
    public const int KnownSchemaVersion = 1;

    // Headers and application properties of one message, generously.
    private const int PerMessageOverhead = 1024;

    public static ServiceBusMessage Create(QueueItem item, string serviceBusMessageId, string? agentId, int priorDeliveries, DateTimeOffset? enqueueAt)
    {
        var message = new ServiceBusMessage(BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(item, CoreJsonContext.Default.QueueItem)))
        {
            MessageId = serviceBusMessageId,
            ContentType = "application/json",
            Subject = "sms",
        };
        if (enqueueAt is { } at)
        {
            message.ScheduledEnqueueTime = at;
        }

        var properties = message.ApplicationProperties;
        properties[ServiceBusProperties.ItemId] = item.ItemId;
        properties[ServiceBusProperties.MessageId] = item.MessageId;
        properties[ServiceBusProperties.DestinationIndex] = item.DestinationIndex;
        properties[ServiceBusProperties.SchemaVersion] = item.SchemaVersion;
        properties[ServiceBusProperties.Priority] = item.Priority == MessagePriority.High ? "high" : "normal";
        properties[ServiceBusProperties.PriorDeliveries] = priorDeliveries;
        if (agentId is not null)
        {
            properties[ServiceBusProperties.AgentId] = agentId;
        }

        if (item.TraceParent is not null)
        {
            properties[ServiceBusProperties.TraceParent] = item.TraceParent;
        }

        return message;
    }

    /// <summary>
    /// A retry or replay of <paramref name="original"/>: a new Service Bus MessageId, so duplicate detection lets it
    /// through, pinned to the same agent as the original (the agent that retries need not know the routes).
    /// </summary>
    public static ServiceBusMessage Clone(ServiceBusReceivedMessage original, QueueItem item, int priorDeliveries, DateTimeOffset? enqueueAt) =>
        Create(item, $"{item.ItemId}~{Guid.NewGuid():N}", AgentIdOf(original), priorDeliveries, enqueueAt);

    public static string? AgentIdOf(ServiceBusReceivedMessage message) =>
        message.ApplicationProperties.TryGetValue(ServiceBusProperties.AgentId, out var value) ? value as string : null;

    /// <summary>The envelope in the body; throws <see cref="InvalidDataException"/> for a body this version cannot read.</summary>
    public static QueueItem Read(ServiceBusReceivedMessage message)
    {
        QueueItem? item;
        try
        {
            item = JsonSerializer.Deserialize(message.Body.ToMemory().Span, CoreJsonContext.Default.QueueItem);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException("The message body is not an outbound SMS envelope.", ex);
        }

        if (item is null)
        {
            throw new InvalidDataException("The message body is empty.");
        }

        if (item.TraceParent is null && message.ApplicationProperties.TryGetValue(ServiceBusProperties.TraceParent, out var trace) && trace is string traceParent)
        {
            // A producer that traces through the property alone (another tool, an operator's script).
            item = item with { TraceParent = traceParent };
        }

        return item.SchemaVersion == KnownSchemaVersion
            ? item
            : throw new InvalidDataException($"Envelope schema version {item.SchemaVersion} is not known to this gateway (it reads {KnownSchemaVersion}).");
    }

    public static int PriorDeliveries(ServiceBusReceivedMessage message) => IntProperty(message, ServiceBusProperties.PriorDeliveries) ?? 0;

    public static int? IntProperty(ServiceBusReceivedMessage message, string name) =>
        message.ApplicationProperties.TryGetValue(name, out var value) && value is not null
            ? Convert.ToInt32(value, CultureInfo.InvariantCulture)
            : null;

    public static DateTimeOffset? TimeProperty(ServiceBusReceivedMessage message, string name) =>
        message.ApplicationProperties.TryGetValue(name, out var value) && value is string text
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at
            : null;

    /// <summary>Splits <paramref name="messages"/> into sends of at most about <paramref name="maxBytes"/>.</summary>
    public static IEnumerable<List<ServiceBusMessage>> Batches(List<ServiceBusMessage> messages, int maxBytes)
    {
        var batch = new List<ServiceBusMessage>();
        var bytes = 0;
        foreach (var message in messages)
        {
            var size = message.Body.ToMemory().Length + PerMessageOverhead;
            if (batch.Count > 0 && bytes + size > maxBytes)
            {
                yield return batch;
                batch = [];
                bytes = 0;
            }

            batch.Add(message);
            bytes += size;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}
