namespace SmsGateway.Core.Sending.Policy;

/// <summary>
/// The per-number hourly count shared by every intake instance. The cloud's intake scales out, and a count in
/// each instance's memory would multiply the limit by the number of instances; the standalone agent is one
/// process and does without (it counts in memory and journals the counts).
/// </summary>
public interface ISharedDestinationCounter
{
    /// <summary>
    /// Counts one SMS to each of <paramref name="numbers"/>, unless one of them already had <paramref name="perHour"/>
    /// in the last hour: then counts none and returns that number and when it has room again.
    /// </summary>
    Task<LimitedNumber?> TryCountAsync(IReadOnlyList<string> numbers, int perHour, CancellationToken cancellationToken);

    /// <summary>Forgets counts older than <paramref name="before"/>; returns how many were removed.</summary>
    Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
