using System.Text.Json;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Sending.Records;
using SmsGateway.Core.Serialization;

namespace SmsGateway.Storage.Embedded;

/// <summary>
/// Reads recently created messages for the limits to count again at start. Message ids are UUIDv7 (32 hex digits),
/// whose first 12 digits are the creation time in milliseconds, so "created since" is a range scan of the primary key.
/// </summary>
public sealed class SqliteMessageHistory(SqliteDatabase db) : IMessageHistory
{
    public IReadOnlyList<Message> ReadCreatedSince(DateTimeOffset since)
    {
        using var connection = db.Open();
        using var command = SqliteCommands.Create(connection, null, "SELECT doc FROM messages WHERE id >= $lowest ORDER BY id", ("$lowest", LowestIdAt(since)));
        using var reader = command.ExecuteReader();
        var messages = new List<Message>();
        while (reader.Read())
        {
            if (JsonSerializer.Deserialize(reader.GetString(0), CoreJsonContext.Default.Message) is { } message && message.CreatedAt >= since)
            {
                messages.Add(message);
            }
        }

        return messages;
    }

    /// <summary>The smallest message id a message created at <paramref name="at"/> can have.</summary>
    public static string LowestIdAt(DateTimeOffset at) =>
        Math.Max(0, at.ToUnixTimeMilliseconds()).ToString("x12", System.Globalization.CultureInfo.InvariantCulture) + new string('0', 20);
}
