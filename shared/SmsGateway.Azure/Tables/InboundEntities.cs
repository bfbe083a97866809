using Azure.Data.Tables;
using SmsGateway.Core.Receiving.Inbound;

namespace SmsGateway.Azure.Tables;

/// <summary>How inbound parts, sets and messages are laid out as table entities.</summary>
internal static class InboundEntities
{
    public static TableEntity Part(InboundPartRecord part) => new(TableKeys.Escape(part.SetKey), part.Id)
    {
        ["SetKey"] = part.SetKey,
        ["SetId"] = part.SetId,
        ["MessageId"] = part.MessageId,
        ["FragmentOf"] = part.FragmentOf,
        ["Sender"] = part.Sender,
        ["SentAt"] = TableValues.Time(part.SentAt),
        ["ReceivedAt"] = TableValues.Time(part.ReceivedAt),
        ["PartNumber"] = part.PartNumber,
        ["PartCount"] = part.PartCount,
        ["Text"] = part.Text,
        ["Pdu"] = part.Pdu,
        ["Truncated"] = part.Truncated,
    };

    public static InboundPartRecord ReadPart(TableEntity e) => new()
    {
        Id = e.RowKey,
        SetKey = e.GetString("SetKey"),
        SetId = e.GetString("SetId"),
        MessageId = e.GetString("MessageId"),
        FragmentOf = e.GetString("FragmentOf"),
        Sender = e.GetString("Sender"),
        SentAt = TableValues.Time(e, "SentAt"),
        ReceivedAt = TableValues.Time(e, "ReceivedAt"),
        PartNumber = e.GetInt32("PartNumber") ?? 1,
        PartCount = e.GetInt32("PartCount") ?? 1,
        Text = e.GetString("Text"),
        Pdu = e.GetString("Pdu"),
        Truncated = e.GetBoolean("Truncated") ?? false,
    };

    public static TableEntity Set(InboundSet set) =>
        new(TableKeys.Escape(set.Key), TableKeys.Descending(set.Id) ?? throw new ArgumentException($"Set id '{set.Id}' is not a hex id.", nameof(set)))
        {
            ["Id"] = set.Id,
            ["Key"] = set.Key,
            ["Sender"] = set.Sender,
            ["PartCount"] = set.PartCount,
            ["OpenedAt"] = TableValues.Time(set.OpenedAt),
            ["SentAt"] = TableValues.Time(set.SentAt),
            ["State"] = set.State.ToString(),
            ["Unreleased"] = set.State != InboundSetState.Released,
            ["MessageId"] = set.MessageId,
            ["IncludedParts"] = TableValues.Numbers(set.IncludedParts),
        };

    public static InboundSet ReadSet(TableEntity e) => new()
    {
        Id = e.GetString("Id"),
        Key = e.GetString("Key"),
        Sender = e.GetString("Sender"),
        PartCount = e.GetInt32("PartCount") ?? 1,
        OpenedAt = TableValues.Time(e, "OpenedAt"),
        SentAt = TableValues.Time(e, "SentAt"),
        State = Enum.Parse<InboundSetState>(e.GetString("State")),
        MessageId = e.GetString("MessageId"),
        IncludedParts = TableValues.Numbers(e, "IncludedParts"),
    };

    public static TableEntity Message(InboundMessage message, string partition, string row)
    {
        var entity = new TableEntity(partition, row)
        {
            ["Id"] = message.Id,
            ["Sender"] = message.Sender,
            ["SentAt"] = TableValues.Time(message.SentAt),
            ["ReceivedAt"] = TableValues.Time(message.ReceivedAt),
            ["Parts"] = message.Parts,
            ["MissingParts"] = TableValues.Numbers(message.MissingParts),
            ["FragmentOf"] = message.FragmentOf,
            ["Truncated"] = message.Truncated,
        };

        // A concatenated SMS of up to 255 parts can exceed one property.
        TableValues.WriteChunks(entity, "Text", message.Text);
        return entity;
    }

    public static InboundMessage ReadMessage(TableEntity e) => new()
    {
        Id = e.GetString("Id"),
        Sender = e.GetString("Sender"),
        SentAt = TableValues.Time(e, "SentAt"),
        ReceivedAt = TableValues.Time(e, "ReceivedAt"),
        Text = TableValues.ReadChunks(e, "Text"),
        Parts = e.GetInt32("Parts") ?? 1,
        MissingParts = TableValues.Numbers(e, "MissingParts"),
        FragmentOf = e.GetString("FragmentOf"),
        Truncated = e.GetBoolean("Truncated") ?? false,
    };
}
