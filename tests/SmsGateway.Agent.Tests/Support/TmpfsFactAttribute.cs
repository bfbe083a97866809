namespace SmsGateway.Agent.Tests.Support;

/// <summary>A fact that needs a real file system to fill (<see cref="Tmpfs"/>); skipped with the reason where none can be mounted.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TmpfsFactAttribute : FactAttribute
{
    public TmpfsFactAttribute() => Skip = Tmpfs.SkipReason;
}
