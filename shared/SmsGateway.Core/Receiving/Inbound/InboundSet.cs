namespace SmsGateway.Core.Receiving.Inbound;

/// <summary>
/// The parts of one multipart SMS being collected. A sender reuses concat references, so one
/// <see cref="Key"/> can have many sets over time; the newest one is the current one.
/// </summary>
public sealed record InboundSet
{
    /// <summary>UUIDv7 of the time the set was opened, so the newest set of a key sorts last.</summary>
    public required string Id { get; init; }

    /// <summary>Sender, concat reference and part count (see <see cref="InboundPartIdentity.SetKey"/>).</summary>
    public required string Key { get; init; }

    public required string Sender { get; init; }

    public required int PartCount { get; init; }

    /// <summary>When the first part arrived; the reassembly timeout counts from here.</summary>
    public required DateTimeOffset OpenedAt { get; init; }

    /// <summary>SCTS of the first part that arrived; tells a late part of this set from a new message reusing the reference.</summary>
    public required DateTimeOffset SentAt { get; init; }

    public InboundSetState State { get; init; } = InboundSetState.Open;

    /// <summary>Id of the message the set became; set when it starts releasing.</summary>
    public string? MessageId { get; init; }

    /// <summary>Part numbers that went into the message; set when it starts releasing.</summary>
    public IReadOnlyList<int> IncludedParts { get; init; } = [];
}
