using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SmsGateway.Storage.Embedded;

/// <summary>Parameterised commands and the column formats the inbound and delivery tables use.</summary>
internal static class SqliteCommands
{
    public static SqliteCommand Create(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public static int Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Create(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>Round-trip text keeps the offset: an SCTS carries the sender's network time zone.</summary>
    public static string Time(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset ReadTime(SqliteDataReader reader, int ordinal) =>
        DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    public static string? ReadNullableString(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static string Numbers(IEnumerable<int> numbers) => string.Join(',', numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)));

    public static List<int> ReadNumbers(SqliteDataReader reader, int ordinal)
    {
        var text = reader.GetString(ordinal);
        return text.Length == 0 ? [] : text.Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList();
    }
}
