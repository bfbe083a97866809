namespace SmsGateway.Core.Sending.Policy;

/// <summary>
/// A durable record of what the sending limits counted (the per-number hourly window, the per-key daily
/// cap), so that a restart does not hand out a fresh allowance. Hosts without one count in memory only.
/// </summary>
public interface ILimitJournal
{
    /// <summary>The entries of <paramref name="kind"/> recorded at or after <paramref name="since"/>.</summary>
    IReadOnlyList<LimitEntry> Read(string kind, DateTimeOffset since);

    /// <summary>Records <paramref name="entry"/>; a second entry with the same kind, key and reference is ignored.</summary>
    void Append(LimitEntry entry);
}
