using SmsGateway.Core.Domain;

namespace SmsGateway.Core.Sending.Intake;

/// <summary>
/// A request to send one text to one or more numbers, as it arrived (not yet validated). <paramref name="Client"/> is
/// the authenticated API client that asked, when there is one.
/// </summary>
public sealed record SendMessageCommand(
    IReadOnlyList<string?>? To,
    string? Text,
    MessagePriority Priority = MessagePriority.Normal,
    string? IdempotencyKey = null,
    MessageOrigin Origin = MessageOrigin.Api,
    string? OriginContext = null,
    string? Client = null);
