using Microsoft.Data.Sqlite;

namespace SmsGateway.Storage.Embedded;

/// <summary>What a storage failure means, by SQLite's result code or the OS error, never by message text.</summary>
internal static class SqliteErrors
{
    private const int SqliteIoError = 10;
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteNotADatabase = 26;

    // errno ENOSPC / EDQUOT on Linux (the HResult .NET gives an IOException there); ERROR_HANDLE_DISK_FULL and ERROR_DISK_FULL on Windows.
    private static readonly int[] OutOfSpaceHResults = [28, 122, unchecked((int)0x80070027), unchecked((int)0x80070070)];

    public static bool IsOutOfSpace(SqliteException exception) => exception.SqliteErrorCode == SqliteFull;

    public static bool IsOutOfSpace(IOException exception) => OutOfSpaceHResults.Contains(exception.HResult);

    public static bool IsDamaged(SqliteException exception) => exception.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase;

    public static bool IsIoError(SqliteException exception) => exception.SqliteErrorCode == SqliteIoError;

    /// <summary>
    /// True when the folder's file system has (almost) no space left: SQLite reports some writes that fail for lack of
    /// space as an I/O error (growing the WAL index, for one), so an I/O error on a full disk is taken as "full".
    /// </summary>
    public static bool FolderIsFull(string folder) => FreeSpaceBelow(folder, 64 * 1024);

    /// <summary>True when the folder's file system is known to have less than <paramref name="bytes"/> free; false when unknown.</summary>
    public static bool FreeSpaceBelow(string folder, long bytes)
    {
        try
        {
            return new DriveInfo(folder).AvailableFreeSpace < bytes;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The SQLite error as the store's own: a full disk becomes <see cref="Core.Storage.StorageFullException"/>.</summary>
    public static Exception Translate(SqliteException exception, string file) =>
        IsOutOfSpace(exception) || (IsIoError(exception) && FolderIsFull(Path.GetDirectoryName(file)!))
            ? new Core.Storage.StorageFullException($"The disk holding {Path.GetDirectoryName(file)} is full: nothing was stored.", exception)
            : exception;
}
