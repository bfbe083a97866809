namespace SmsGateway.Modem.Simulator;

/// <summary>An SMS the simulated network delivers to the simulated SIM.</summary>
public sealed record SimulatedInboundSms
{
    /// <summary>Sender: <c>+E.164</c>, national digits or an alphanumeric name.</summary>
    public required string From { get; init; }

    /// <summary>The whole text; split into GSM-7 or UCS-2 parts as a phone would.</summary>
    public required string Text { get; init; }

    /// <summary>Service centre time stamp; null uses the simulator's local time.</summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>Use a 16-bit concatenation reference (IEI 0x08) instead of the usual 8-bit one (IEI 0x00).</summary>
    public bool Use16BitReference { get; init; }

    /// <summary>Concatenation reference; null takes the next one of a rolling counter.</summary>
    public int? Reference { get; init; }

    /// <summary>The order (1-based part numbers) in which the parts arrive; null for 1, 2, 3, …</summary>
    public IReadOnlyList<int>? Order { get; init; }

    /// <summary>Part numbers the network never delivers, to test incomplete reassembly.</summary>
    public IReadOnlyCollection<int>? DropParts { get; init; }
}
