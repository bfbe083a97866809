using Microsoft.Extensions.Options;

namespace SmsGateway.Core.CloudProtocol;

/// <summary>Judges the agents from their heartbeats: who is online, and what that means for the whole gateway.</summary>
public sealed class AgentMonitor(IAgentRegistry registry, AgentKeyRing keys, IOptions<AgentsOptions> options, TimeProvider time)
{
    /// <summary>Every agent that sent a heartbeat or has a key, by id.</summary>
    public async Task<CloudHealthReport> GetHealthAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var known = (await registry.ListAsync(cancellationToken)).ToDictionary(s => s.AgentId, StringComparer.Ordinal);
        var agents = known.Keys.Union(keys.AgentIds, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(id => known.TryGetValue(id, out var state)
                ? new AgentHealth(id, now - state.LastSeenAt <= options.Value.OfflineAfter, state)
                : new AgentHealth(id, false, null))
            .ToList();

        var ready = agents.Count(a => a.Ready);
        var status = ready == 0 ? CloudHealthReport.Unhealthy
            : ready == agents.Count ? CloudHealthReport.Healthy
            : CloudHealthReport.Degraded;
        return new CloudHealthReport(status, agents);
    }
}
