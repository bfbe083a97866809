namespace SmsGateway.Http;

/// <summary>The 202 answer to <c>POST /api/messages</c>.</summary>
public sealed record MessageAcceptedResponse(
    string Id,
    string Status,
    string Encoding,
    int Segments,
    IReadOnlyList<AcceptedDestination> Destinations);
