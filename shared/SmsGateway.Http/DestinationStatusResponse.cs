namespace SmsGateway.Http;

public sealed record DestinationStatusResponse(
    string To,
    string Status,
    int Attempts,
    string? Error,
    DateTimeOffset? SentAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? NextAttemptAt);
