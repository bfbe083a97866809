namespace SmsGateway.Storage.Embedded;

/// <summary>
/// The data folder or its database cannot be used: the agent must not start, a storage command must stop. <see cref="Exception.Message"/> is
/// the one line for the operator (it names the folder or file and what to do); <see cref="ExitCode"/> is the
/// sysexits code the process ends with.
/// </summary>
public sealed class StorageUnusableException : Exception
{
    /// <summary>EX_DATAERR: the database is empty, missing after it existed, corrupt, or not this gateway's.</summary>
    public const int DataError = 65;

    /// <summary>EX_NOINPUT: there is no database where a command that only reads looked for one.</summary>
    public const int NoInput = 66;

    /// <summary>EX_CANTCREAT: the folder or the database cannot be written (no space, no permission).</summary>
    public const int CannotCreate = 73;

    /// <summary>EX_TEMPFAIL: another agent holds the data folder.</summary>
    public const int InUse = 75;

    public StorageUnusableException()
        : this(DataError, "The storage cannot be used.")
    {
    }

    public StorageUnusableException(string message)
        : this(DataError, message)
    {
    }

    public StorageUnusableException(string message, Exception innerException)
        : base(message, innerException)
    {
        ExitCode = DataError;
    }

    public StorageUnusableException(int exitCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; }
}
