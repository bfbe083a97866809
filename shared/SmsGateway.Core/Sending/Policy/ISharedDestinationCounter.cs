namespace SmsGateway.Core.Sending.Policy;

/// <summary>
/// The per-number hourly count shared by every intake instance. The cloud's intake scales out, and a count in
/// each instance's memory would multiply the limit by the number of instances; the standalone agent is one
/// process and counts in memory, rebuilt from its message records at start.
/// </summary>
public interface ISharedDestinationCounter
{
    /// <summary>
    /// Reads whether each of <paramref name="numbers"/> has room for one more SMS under <paramref name="perHour"/>;
    /// counts nothing until the answer's <see cref="SharedDestinationCheck.CountAsync"/>.
    /// </summary>
    Task<SharedDestinationCheck> CheckAsync(IReadOnlyList<string> numbers, int perHour, CancellationToken cancellationToken);

    /// <summary>Forgets counts older than <paramref name="before"/>; returns how many were removed.</summary>
    Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
