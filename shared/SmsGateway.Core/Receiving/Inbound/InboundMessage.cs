namespace SmsGateway.Core.Receiving.Inbound;

/// <summary>
/// An SMS received by the gateway, reassembled from its parts. Incomplete when parts were still
/// missing at the reassembly timeout, or when it is a part that arrived after its message was released.
/// </summary>
public sealed record InboundMessage
{
    /// <summary>Sortable id (UUIDv7, 32 hex digits) taken when the message was released, so newer messages sort later.</summary>
    public required string Id { get; init; }

    /// <summary>E.164 number with <c>+</c>, national digits, or an alphanumeric sender name, as the network gave it.</summary>
    public required string Sender { get; init; }

    /// <summary>The service centre time stamp (TP-SCTS) of the first part present, with its time zone.</summary>
    public required DateTimeOffset SentAt { get; init; }

    /// <summary>When the last part present was read from the modem.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The parts' text in part order; each run of missing parts shows as <see cref="InboundText.GapMarker"/>.</summary>
    public required string Text { get; init; }

    /// <summary>How many parts the sender announced (1 for a plain SMS).</summary>
    public int Parts { get; init; } = 1;

    /// <summary>False when <see cref="MissingParts"/> is not empty.</summary>
    public bool Complete => MissingParts.Count == 0;

    /// <summary>Part numbers (1-based) that never arrived, ascending.</summary>
    public IReadOnlyList<int> MissingParts { get; init; } = [];

    /// <summary>For a part that arrived after its message was released incomplete: that message's id.</summary>
    public string? FragmentOf { get; init; }

    /// <summary>A part's user data ended before its declared length: the text is what arrived, decoded as far as it went.</summary>
    public bool Truncated { get; init; }
}
