using SmsGateway.Core.Sending.DeadLetters;

namespace SmsGateway.Agent.Api;

/// <summary>The answer to <c>GET /api/deadletters</c>, newest first.</summary>
public sealed record DeadLetterListResponse(IReadOnlyList<DeadLetterView> Items);
