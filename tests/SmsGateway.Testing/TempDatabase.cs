using SmsGateway.Storage.Embedded;

namespace SmsGateway.Testing;

/// <summary>A real SQLite database in a fresh temporary folder, removed afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase(int capacity = 10_000)
    {
        Folder = Directory.CreateTempSubdirectory("smsgw-db-").FullName;
        Options = new EmbeddedStorageOptions { Path = Folder, QueueCapacity = capacity };
        Database = new SqliteDatabase(Options);
    }

    public string Folder { get; }

    public EmbeddedStorageOptions Options { get; }

    public SqliteDatabase Database { get; }

    public void Dispose()
    {
        Database.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
