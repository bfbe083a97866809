namespace SmsGateway.Agent.Api;

/// <summary>The answer to <c>GET /api/inbound</c>: newest first; <see cref="Next"/> goes in <c>?before=</c> for the next page, null at the end.</summary>
public sealed record InboundListResponse(IReadOnlyList<InboundMessageResponse> Items, string? Next);
