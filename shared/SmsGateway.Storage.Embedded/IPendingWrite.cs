using Microsoft.Data.Sqlite;

namespace SmsGateway.Storage.Embedded;

/// <summary>A write waiting for its place in a group commit (see <see cref="SqliteDatabase.WriteAsync{T}"/>).</summary>
internal interface IPendingWrite
{
    /// <summary>Claims the write for a group; false when its caller gave up (cancelled) first.</summary>
    bool TryTake();

    /// <summary>Runs the work; false when it threw (the exception is kept for its caller).</summary>
    bool Run(SqliteConnection connection, SqliteTransaction transaction);

    /// <summary>After the commit: hands the caller its result, or the exception its work threw.</summary>
    void Publish();

    /// <summary>The group's commit failed: the caller gets that failure.</summary>
    void Fail(Exception exception);
}
