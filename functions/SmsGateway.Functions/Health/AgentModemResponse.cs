namespace SmsGateway.Functions.Health;

public sealed record AgentModemResponse(bool Connected, string? Model, string? Operator, bool Registered, int? SignalDbm);
