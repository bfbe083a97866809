namespace SmsGateway.Benchmarks;

/// <summary>What the command line asked of every scenario.</summary>
/// <param name="Smoke">A tiny run that proves the scenario still works; its figures mean nothing.</param>
/// <param name="Count">The number of messages or requests, when given; each scenario has its own default.</param>
/// <param name="WorkDirectory">Where scenarios put their files (databases, logs, configuration).</param>
internal sealed record BenchmarkSettings(bool Smoke, int? Count, string WorkDirectory)
{
    /// <summary>The count to use: the one given, else the scenario's smoke or full default.</summary>
    public int CountOr(int full, int smoke) => Count ?? (Smoke ? smoke : full);
}
