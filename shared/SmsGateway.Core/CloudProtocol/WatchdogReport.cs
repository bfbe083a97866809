namespace SmsGateway.Core.CloudProtocol;

/// <summary>What one watchdog round found.</summary>
/// <param name="SilentAgents">Agents without a heartbeat for longer than <see cref="AgentsOptions.OfflineAfter"/>.</param>
/// <param name="Stuck">Destinations in <c>sending</c> for longer than <c>Outbound:LockDuration</c>.</param>
public sealed record WatchdogReport(IReadOnlyList<string> SilentAgents, IReadOnlyList<StuckDestination> Stuck);
