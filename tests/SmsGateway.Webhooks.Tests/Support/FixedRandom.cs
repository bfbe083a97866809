namespace SmsGateway.Webhooks.Tests.Support;

/// <summary>A jitter draw that is always <paramref name="value"/>, so a schedule's delays are exact.</summary>
internal sealed class FixedRandom(double value) : Random
{
    public override double NextDouble() => value;
}
