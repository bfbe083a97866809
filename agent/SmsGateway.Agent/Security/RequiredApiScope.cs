namespace SmsGateway.Agent.Security;

/// <summary>Endpoint metadata: the scope an endpoint needs, so a 403 can name it.</summary>
public sealed record RequiredApiScope(string Scope);
