namespace SmsGateway.Core.Tests.Sending.Worker.Support;

/// <summary>A jitter source that always draws <paramref name="draw"/>, so a backoff's delay is exactly draw × its bound.</summary>
internal sealed class ScriptedRandom(double draw) : Random
{
    public override double NextDouble() => draw;
}
