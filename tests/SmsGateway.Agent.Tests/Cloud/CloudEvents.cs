using System.Text.Json;

namespace SmsGateway.Agent.Tests.Cloud;

/// <summary>Reading recorded events.</summary>
internal static class CloudEvents
{
    public static string Kind(JsonElement e) => e.GetProperty("kind").GetString()!;

    public static string EventId(JsonElement e) => e.GetProperty("eventId").GetString()!;

    /// <summary>The statuses reported for <paramref name="messageId"/>, in the order the cloud took them.</summary>
    public static string[] Statuses(IEnumerable<JsonElement> events, string messageId) =>
        [.. events.Where(e => Kind(e) == "destination_status")
            .Where(s => s.GetProperty("messageId").GetString() == messageId)
            .Select(s => s.GetProperty("status").GetString()!)];
}
