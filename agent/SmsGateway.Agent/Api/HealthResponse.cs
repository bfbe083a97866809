namespace SmsGateway.Agent.Api;

/// <summary>The answer to <c>GET /api/health</c>; it never contains numbers or texts. <see cref="Telegram"/> is null while the bridge is off.</summary>
public sealed record HealthResponse(string Status, ModemHealth Modem, QueueHealth Queue, CircuitHealth Circuit, TelegramHealth? Telegram = null);
