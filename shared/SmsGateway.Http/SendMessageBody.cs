namespace SmsGateway.Http;

/// <summary>The body of <c>POST /api/messages</c>.</summary>
public sealed record SendMessageBody(IReadOnlyList<string?>? To, string? Text, string? Priority);
