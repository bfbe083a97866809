using SmsGateway.Core.Sending.Policy;
using SmsGateway.Testing;

namespace SmsGateway.Storage.Embedded.Tests;

public sealed class SqliteLimitJournalTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDatabase _db = new();

    [Fact]
    public void Read_ReturnsTheKindsEntriesSinceTheGivenTime_OldestFirst()
    {
        var sut = new SqliteLimitJournal(_db.Database);
        sut.Append(new LimitEntry("day", "webshop", "m1", Now.AddHours(-30), 1));
        sut.Append(new LimitEntry("day", "webshop", "m2", Now.AddMinutes(-5), 3));
        sut.Append(new LimitEntry("day", "webshop", "m3", Now.AddMinutes(-10), 2));
        sut.Append(new LimitEntry("hour", "+4915112345678", "x", Now, 1));

        var entries = sut.Read("day", Now.AddHours(-1));

        Assert.Equal(["m3", "m2"], entries.Select(e => e.Reference));
        Assert.Equal((3, Now.AddMinutes(-5)), (entries[1].Count, entries[1].At));
    }

    [Fact]
    public void Append_SameKindKeyAndReferenceTwice_IsRecordedOnce()
    {
        var sut = new SqliteLimitJournal(_db.Database);

        sut.Append(new LimitEntry("day", "webshop", "m1", Now, 2));
        sut.Append(new LimitEntry("day", "webshop", "m1", Now, 2));

        Assert.Single(sut.Read("day", Now.AddDays(-1)));
    }

    [Fact]
    public void Entries_SurviveANewDatabaseInstanceOnTheSameFile()
    {
        new SqliteLimitJournal(_db.Database).Append(new LimitEntry("hour", "+4915112345678", "a", Now, 1));

        using var reopened = new SqliteDatabase(new EmbeddedStorageOptions { Path = Path.GetDirectoryName(_db.Database.File)! });

        Assert.Single(new SqliteLimitJournal(reopened).Read("hour", Now.AddHours(-1)));
    }

    public void Dispose() => _db.Dispose();
}
