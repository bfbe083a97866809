namespace SmsGateway.Modem.At;

/// <summary>An unsolicited result code such as <c>+CMTI: "SM",3</c>.</summary>
/// <param name="Name">The code's name (<c>+CMTI</c>, <c>^RSSI</c>, <c>RING</c>), or the whole line when it has no name.</param>
/// <param name="Line">The full line.</param>
/// <param name="Body">The line after the header for URCs that carry one (<c>+CMT</c>, <c>+CDS</c>: the PDU).</param>
public sealed record AtUrc(string Name, string Line, string? Body = null)
{
    /// <summary>The text after <c>Name:</c>, trimmed; empty when there is none.</summary>
    public string Value => Line.Length > Name.Length && Line[Name.Length] == ':' ? Line[(Name.Length + 1)..].Trim() : string.Empty;
}
