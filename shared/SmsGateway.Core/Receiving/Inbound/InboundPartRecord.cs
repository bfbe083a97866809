namespace SmsGateway.Core.Receiving.Inbound;

/// <summary>
/// One received SMS part as stored before reassembly. Stored once per <see cref="Id"/>, so the same
/// part read from the modem twice is recognised.
/// </summary>
public sealed record InboundPartRecord
{
    /// <summary>Identity of the part: a hash of sender, SCTS, concatenation info and PDU (see <see cref="InboundPartIdentity"/>).</summary>
    public required string Id { get; init; }

    /// <summary>Groups parts that may belong together (sender, concat reference, part count); a partition key.</summary>
    public required string SetKey { get; init; }

    public required string Sender { get; init; }

    public required DateTimeOffset SentAt { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required string Text { get; init; }

    public required string Pdu { get; init; }

    /// <summary>1-based part number; 1 for a plain SMS.</summary>
    public int PartNumber { get; init; } = 1;

    /// <summary>Parts the sender announced; 1 for a plain SMS.</summary>
    public int PartCount { get; init; } = 1;

    /// <summary>The <see cref="InboundSet"/> this part was collected in, for parts of a multipart SMS.</summary>
    public string? SetId { get; init; }

    /// <summary>
    /// For a part that is a message on its own (a plain SMS, or a late fragment): the id its message
    /// gets, chosen before anything else is written so that a retry after a crash writes the same message.
    /// </summary>
    public string? MessageId { get; init; }

    /// <summary>For a late fragment: the message that was released without it.</summary>
    public string? FragmentOf { get; init; }

    /// <summary>The part's user data ended early: <see cref="Text"/> is what arrived (see <see cref="Core.Modem.InboundSmsPart.Truncated"/>).</summary>
    public bool Truncated { get; init; }
}
