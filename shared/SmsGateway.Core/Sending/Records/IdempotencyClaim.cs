namespace SmsGateway.Core.Sending.Records;

/// <summary>An <c>Idempotency-Key</c> with a hash of the request it came with.</summary>
public sealed record IdempotencyClaim(string Key, string RequestHash);
