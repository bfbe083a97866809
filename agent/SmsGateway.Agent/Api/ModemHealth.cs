namespace SmsGateway.Agent.Api;

public sealed record ModemHealth(bool Connected, string? Model, string? Operator, bool Registered, int? SignalDbm, string? Error);
