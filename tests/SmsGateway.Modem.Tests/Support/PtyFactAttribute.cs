using SmsGateway.Testing;
using SmsGateway.Testing.Pty;

namespace SmsGateway.Modem.Tests.Support;

/// <summary>A fact that needs socat pseudo-terminals (and gammu when <see cref="NeedsGammu"/> is set); skipped with the reason otherwise.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PtyFactAttribute : FactAttribute
{
    public PtyFactAttribute(bool needsGammu = false)
    {
        NeedsGammu = needsGammu;
        Skip = SocatPtyPair.SkipReason
            ?? (needsGammu && ExternalTool.Find("gammu") is null ? "gammu is not on PATH (apt-get install gammu)" : null);
    }

    public bool NeedsGammu { get; }
}
