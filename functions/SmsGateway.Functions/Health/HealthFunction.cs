using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SmsGateway.Core.CloudProtocol;
using SmsGateway.Functions.Hosting;

namespace SmsGateway.Functions.Health;

/// <summary>
/// <c>GET api/health</c>, anonymous: each agent's last heartbeat, modem and queue, <c>offline</c> when silent
/// longer than <c>Agents:OfflineAfter</c>. 200 while healthy or degraded, 503 when no agent can send.
/// Never shows numbers, texts or keys.
/// </summary>
public sealed class HealthFunction(AgentMonitor monitor)
{
    [Function("Health")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var report = await monitor.GetHealthAsync(cancellationToken);
        var body = new CloudHealthResponse(report.Status, report.Agents.Select(ToResponse).ToList());
        return Results.Json(
            body,
            FunctionsJsonContext.Default.CloudHealthResponse,
            statusCode: report.Status == CloudHealthReport.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }

    private static AgentHealthResponse ToResponse(AgentHealth agent) => new(
        agent.AgentId,
        agent.Online ? "online" : "offline",
        agent.State?.LastHeartbeatAt,
        agent.State?.LastSeenAt,
        agent.State?.Modem is { } m ? new AgentModemResponse(m.Connected, m.Model, m.Operator, m.Registered, m.SignalDbm) : null,
        agent.State is { } s ? new AgentQueueResponse(s.QueueDepth, s.DeadLettered) : null);
}
