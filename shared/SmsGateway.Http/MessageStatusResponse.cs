namespace SmsGateway.Http;

/// <summary>The answer to <c>GET /api/messages/{id}</c>.</summary>
public sealed record MessageStatusResponse(
    string Id,
    string Status,
    string Encoding,
    int Segments,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<DestinationStatusResponse> Destinations);
