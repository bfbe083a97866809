namespace SmsGateway.Core.CloudProtocol;

/// <summary>How one agent proves who it is: the SHA-256 of its key (hex), or the key itself from a Key Vault reference.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="KeyHash"><c>Agents:&lt;id&gt;:KeyHash</c>, 64 hex digits.</param>
/// <param name="Key"><c>Agents:&lt;id&gt;:Key</c>, resolved by the platform from a Key Vault reference; never logged.</param>
public sealed record AgentCredential(string AgentId, string? KeyHash, string? Key);
