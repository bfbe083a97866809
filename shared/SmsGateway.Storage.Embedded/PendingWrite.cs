using System.Runtime.ExceptionServices;
using Microsoft.Data.Sqlite;

namespace SmsGateway.Storage.Embedded;

/// <summary>One caller's write in a group commit; its result is released only after the commit.</summary>
internal sealed class PendingWrite<T>(Func<SqliteConnection, SqliteTransaction, T> work) : IPendingWrite
{
    private const int Waiting = 0, Taken = 1, Cancelled = 2;

    private readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;
    private T? _value;
    private ExceptionDispatchInfo? _error;

    public Task<T> Result => _result.Task;

    public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Waiting) == Waiting;

    /// <summary>True when the caller cancelled before any group took the write: it will never run.</summary>
    public bool TryCancel() => Interlocked.CompareExchange(ref _state, Cancelled, Waiting) == Waiting;

    public bool Run(SqliteConnection connection, SqliteTransaction transaction)
    {
        try
        {
            _value = work(connection, transaction);
            return true;
        }
        catch (Exception ex)
        {
            _error = ExceptionDispatchInfo.Capture(ex);
            return false;
        }
    }

    public void Publish()
    {
        if (_error is not null)
        {
            _result.SetException(_error.SourceException);
        }
        else
        {
            _result.SetResult(_value!);
        }
    }

    public void Fail(Exception exception) => _result.TrySetException(exception);
}
