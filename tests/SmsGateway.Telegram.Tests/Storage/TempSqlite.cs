using SmsGateway.Storage.Embedded;

namespace SmsGateway.Telegram.Tests.Storage;

/// <summary>A real SQLite database in a fresh temporary folder, removed afterwards.</summary>
internal sealed class TempSqlite : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("smsgw-tg-db-").FullName;

    public TempSqlite()
    {
        Database = new SqliteDatabase(new EmbeddedStorageOptions { Path = _folder });
    }

    public SqliteDatabase Database { get; }

    public void Dispose()
    {
        Database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
