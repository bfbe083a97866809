namespace SmsGateway.Agent.Api;

/// <summary>Whether the gateway can write its store; <see cref="Error"/> names the fault ("disk full") while it cannot.</summary>
public sealed record StorageHealthResponse(bool Writable, string? Error);
