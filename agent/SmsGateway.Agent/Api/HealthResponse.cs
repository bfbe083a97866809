using SmsGateway.Telegram.Hosting;

namespace SmsGateway.Agent.Api;

/// <summary>
/// The answer to <c>GET /api/health</c>; it never contains numbers or texts. <see cref="Telegram"/> is null while the
/// bridge is off; it is not part of the overall status (SMS keep flowing while Telegram is out of reach), but a full
/// outbox means new forwards are being dropped. <see cref="Storage"/> not writable (a full disk) makes the gateway degraded:
/// messages already queued are still sent, new ones are refused with 507 until space returns. <see cref="Webhooks"/> lists
/// each webhook endpoint's backlog; like Telegram, a failing receiver does not change the overall status.
/// </summary>
public sealed record HealthResponse(
    string Status,
    ModemHealth Modem,
    QueueHealth Queue,
    CircuitHealth Circuit,
    StorageHealthResponse Storage,
    TelegramBacklogCounts? Telegram = null,
    IReadOnlyList<WebhookHealth>? Webhooks = null);
