using Microsoft.Data.Sqlite;
using SmsGateway.Testing;

namespace SmsGateway.Storage.Embedded.Tests;

/// <summary>A database made before a column was added gets it at start, and its old rows read with the default.</summary>
public sealed class AddedColumnsTests
{
    [Fact]
    public async Task ADatabaseWithoutTheTruncatedColumns_GetsThemAtStart_AndItsRowsReadAsNotTruncated()
    {
        using var db = new TempDatabase();
        var file = db.Database.File;
        using (var old = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            old.Open();
            using var command = old.CreateCommand();

            // As an earlier gateway left it: no truncated columns, one message.
            command.CommandText = """
                ALTER TABLE inbound_parts DROP COLUMN truncated;
                ALTER TABLE inbound_messages DROP COLUMN truncated;
                INSERT INTO inbound_messages (id, sender, sent_at, received_at, text, parts, missing_parts, fragment_of)
                VALUES ('0190000000007000800000000000beef', '+4915112345678', '2025-03-14T15:09:26+01:00', '2025-03-14T14:10:00+00:00', 'old', 1, '', NULL);
                """;
            command.ExecuteNonQuery();
        }

        using var reopened = new SqliteDatabase(db.Options);
        var message = await new SqliteInboundStore(reopened).GetMessageAsync("0190000000007000800000000000beef", CancellationToken.None);

        Assert.NotNull(message);
        Assert.Equal("old", message.Text);
        Assert.False(message.Truncated);
    }
}
