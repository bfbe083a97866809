namespace SmsGateway.Core.CloudProtocol;

/// <summary>
/// Checks a whole batch before any of it is applied, so a malformed batch changes nothing. Errors are keyed
/// by JSON path (<c>events[2].eventId</c>), like the HTTP API's field errors.
/// </summary>
public static class AgentEventBatchValidator
{
    private const int MaxIdLength = 128;
    private const int MaxMessageIdLength = 64;

    public static Dictionary<string, string[]> Validate(AgentEventBatch batch, string agentId)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (batch.Version != AgentEventBatch.CurrentVersion)
        {
            errors["version"] = [$"Version {batch.Version} is not supported; this endpoint reads version {AgentEventBatch.CurrentVersion}."];
        }

        if (batch.Events is null || batch.Events.Count == 0)
        {
            errors["events"] = ["'events' must hold at least one event."];
            return errors;
        }

        if (batch.Events.Count > AgentEventBatch.MaxEvents)
        {
            errors["events"] = [$"A batch holds at most {AgentEventBatch.MaxEvents} events; send the rest in another batch."];
            return errors;
        }

        for (var i = 0; i < batch.Events.Count; i++)
        {
            var path = $"events[{i}]";
            var error = batch.Events[i] switch
            {
                null => (string.Empty, "must be an event object"),
                { } e when !IsValidId(e.EventId) => (".eventId", $"must be 1-{MaxIdLength} letters, digits, '-', '_', '.' or ':'"),
                DestinationStatusChanged s => ValidateStatus(s),
                InboundSmsReceived r => ValidateInbound(r),
                AgentHeartbeat h when !string.Equals(h.AgentId, agentId, StringComparison.Ordinal) =>
                    (".agentId", "must be the agent the X-Agent-Key belongs to"),
                AgentHeartbeat h when h.Modem is null => (".modem", "is required"),
                AgentHeartbeat h when h.QueueDepth < 0 || h.DeadLettered < 0 => (".queueDepth", "counts cannot be negative"),
                _ => ((string, string)?)null,
            };
            if (error is var (field, text))
            {
                errors[path + field] = [text];
            }
        }

        return errors;
    }

    /// <summary>Letters, digits and <c>- _ . :</c>: safe as a storage key everywhere.</summary>
    public static bool IsValidId(string? id) =>
        id is { Length: > 0 and <= MaxIdLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');

    private static (string, string)? ValidateStatus(DestinationStatusChanged change)
    {
        if (string.IsNullOrEmpty(change.MessageId) || change.MessageId.Length > MaxMessageIdLength)
        {
            return (".messageId", $"must be a message id of 1-{MaxMessageIdLength} characters");
        }

        if (change.DestinationIndex < 0)
        {
            return (".destinationIndex", "cannot be negative");
        }

        if (change.Attempts < 0)
        {
            return (".attempts", "cannot be negative");
        }

        return Enum.IsDefined(change.Status) ? null : (".status", "is not a destination status");
    }

    // Source-generated JSON sets absent init-only properties to null or 0 rather than their defaults, so the
    // members an agent always writes are required here instead of silently defaulted.
    private static (string, string)? ValidateInbound(InboundSmsReceived received) => received.Message switch
    {
        null => (".message", "is required"),
        { Id: var id } when id.Length != 32 || !id.All(char.IsAsciiHexDigit) => (".message.id", "must be 32 hex digits"),
        { Sender.Length: 0 } => (".message.sender", "is required"),
        { Text: null } => (".message.text", "is required"),
        { Parts: < 1 } => (".message.parts", "must be 1 or more"),
        { MissingParts: null } => (".message.missingParts", "is required (empty when the message is complete)"),
        _ => null,
    };
}
