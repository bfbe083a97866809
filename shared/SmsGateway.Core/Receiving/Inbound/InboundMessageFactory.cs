namespace SmsGateway.Core.Receiving.Inbound;

/// <summary>Builds the message that a set of parts, or one part alone, becomes.</summary>
internal static class InboundMessageFactory
{
    /// <summary>
    /// A message of <paramref name="parts"/> (duplicates of a part number count once) out of
    /// <paramref name="partCount"/> announced parts; the numbers not present are missing.
    /// </summary>
    public static InboundMessage Create(string id, IReadOnlyCollection<InboundPartRecord> parts, int partCount, string? fragmentOf = null)
    {
        var byNumber = parts.GroupBy(p => p.PartNumber).ToDictionary(g => g.Key, g => g.First());
        var ordered = byNumber.OrderBy(kv => kv.Key).Select(kv => kv.Value).ToList();
        var first = ordered[0];
        return new InboundMessage
        {
            Id = id,
            Sender = first.Sender,
            SentAt = first.SentAt,
            ReceivedAt = ordered.Max(p => p.ReceivedAt),
            Text = InboundText.Join(byNumber.ToDictionary(kv => kv.Key, kv => kv.Value.Text), partCount),
            Parts = partCount,
            MissingParts = Enumerable.Range(1, partCount).Where(n => !byNumber.ContainsKey(n)).ToList(),
            FragmentOf = fragmentOf,
            Truncated = ordered.Any(p => p.Truncated),
        };
    }
}
