namespace SmsGateway.Modem.Tests.Dialects;

/// <summary>What one dialect profile did through the real driver and AT channel: one cell of docs/MODEMS.md each.</summary>
public sealed record DialectResult(string Dialect, string Model, string Initialise, string Send, string Receive, string Reports, string Ussd)
{
    public const string None = "—";

    /// <summary>The row of the docs/MODEMS.md table.</summary>
    public string TableRow => $"| `{Dialect}` | {Model} | {Initialise} | {Send} | {Receive} | {Reports} | {Ussd} |";
}
