namespace SmsGateway.Core.Sending.DeliveryReports;

/// <summary>
/// Which sent part a message reference (TP-MR) stands for: part <paramref name="PartIndex"/> (0-based)
/// of destination <paramref name="DestinationIndex"/> of message <paramref name="MessageId"/>, sent to
/// <paramref name="Recipient"/> (E.164) at <paramref name="SentAt"/>.
/// </summary>
public sealed record PartReference(
    string Recipient,
    int Reference,
    string MessageId,
    int DestinationIndex,
    int PartIndex,
    DateTimeOffset SentAt);
