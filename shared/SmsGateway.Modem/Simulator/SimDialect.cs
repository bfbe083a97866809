namespace SmsGateway.Modem.Simulator;

/// <summary>
/// How one family of real modems bends the standard, as the simulator reproduces it (<c>Modem:Simulator:Dialect</c>).
/// Each quirk is taken from a published transcript; tests/SmsGateway.Modem.Tests/Dialects/README.md names the sources.
/// </summary>
public sealed record SimDialect
{
    public required string Name { get; init; }

    /// <summary>What <c>AT+CGMI</c>, <c>AT+CGMM</c> and <c>AT+CGMR</c> answer; null keeps the configured identity.</summary>
    public (string Manufacturer, string Model, string Revision)? Identity { get; init; }

    /// <summary>The final result of a refused or unknown command instead of <c>ERROR</c> (<c>COMMAND NOT SUPPORT</c>).</summary>
    public string ErrorText { get; init; } = "ERROR";

    /// <summary>Commands refused whatever their arguments (<c>+CNMI</c> on a Nokia phone), by upper-case name.</summary>
    public IReadOnlySet<string> Refused { get; init; } = new HashSet<string>();

    /// <summary><c>AT+CPMS</c> with three storages is refused; one or two are taken.</summary>
    public bool CpmsTakesAtMostTwo { get; init; }

    /// <summary>Read commands answered with their information line and no final <c>OK</c> (Wavecom's <c>+CPIN</c>).</summary>
    public IReadOnlySet<string> ReadsWithoutOk { get; init; } = new HashSet<string>();

    /// <summary>Unsolicited lines the device writes when the host connects (start-up banners).</summary>
    public IReadOnlyList<string> StartupLines { get; init; } = [];

    /// <summary>Unsolicited lines written just before the <c>"&gt; "</c> prompt, in the same write (ZTE).</summary>
    public IReadOnlyList<string> LinesBeforePrompt { get; init; } = [];

    /// <summary>An unsolicited line written right after the prompt, in the same write (Huawei <c>^RSSI</c>).</summary>
    public string? LineAfterPrompt { get; init; }

    /// <summary>Unsolicited lines written after each final result of a send (Huawei <c>^MODE</c>), as radio noise.</summary>
    public IReadOnlyList<string> NoiseAfterSend { get; init; } = [];

    /// <summary>Whether the device has <c>AT+CUSD</c> (the driver has no USSD yet; recorded for the profile table).</summary>
    public bool HasUssd { get; init; } = true;

    /// <summary>True when <paramref name="command"/> is refused by this dialect before it runs.</summary>
    internal bool Refuses(SimAtCommand command) =>
        Refused.Contains(command.Name)
        || (CpmsTakesAtMostTwo && command is { Name: "+CPMS", Kind: SimAtCommandKind.Set } && command.Arguments().Count > 2);
}
