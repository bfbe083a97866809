using System.Globalization;
using System.Text;

namespace SmsGateway.Storage.Embedded;

/// <summary>
/// One agent per data folder: an exclusive OS lock on <c>gateway.lock</c>, held for the process's life. The kernel
/// drops it when the process ends, however it ends (kill -9 included), so a lock is never stale. The holder's pid
/// goes into <c>gateway.pid</c> beside it: the locked file itself cannot be opened by anyone else, even to read.
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    public const string LockFileName = "gateway.lock";
    public const string OwnerFileName = "gateway.pid";

    private readonly FileStream _lock;

    private DataFolderLock(string folder, FileStream held)
    {
        Folder = folder;
        _lock = held;
    }

    public string Folder { get; }

    /// <summary>Takes the folder (creating it when missing) or throws <see cref="StorageUnusableException"/> saying who has it.</summary>
    public static DataFolderLock Acquire(string folder)
    {
        folder = Path.GetFullPath(folder);
        FileStream held;
        try
        {
            Directory.CreateDirectory(folder);
            // FileShare.None is flock(LOCK_EX | LOCK_NB) on Unix and a share-mode lock on Windows: a second process is refused.
            held = new FileStream(Path.Combine(folder, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new StorageUnusableException(StorageUnusableException.CannotCreate, $"Storage:Path {folder} cannot be written ({ex.Message}); give the agent a folder it may write.", ex);
        }
        catch (IOException ex) when (SqliteErrors.IsOutOfSpace(ex))
        {
            throw NoSpace(folder, ex);
        }
        catch (IOException ex) when (ex is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException))
        {
            throw new StorageUnusableException(StorageUnusableException.InUse, $"Storage:Path {folder} is in use by another SmsGateway agent (pid {OwnerOf(folder)}); stop it first, or give this one its own Storage:Path.", ex);
        }

        try
        {
            var pid = Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
            using var owner = new FileStream(Path.Combine(folder, OwnerFileName), FileMode.Create, FileAccess.Write, FileShare.Read);
            owner.Write(pid);
            owner.Flush(flushToDisk: true);
            return new DataFolderLock(folder, held);
        }
        catch (Exception ex)
        {
            held.Dispose();
            throw ex switch
            {
                IOException io when SqliteErrors.IsOutOfSpace(io) => NoSpace(folder, io),
                IOException or UnauthorizedAccessException => new StorageUnusableException(StorageUnusableException.CannotCreate, $"Storage:Path {folder} cannot be written ({ex.Message}); give the agent a folder it may write.", ex),
                _ => ex,
            };
        }
    }

    public void Dispose() => _lock.Dispose();

    private static StorageUnusableException NoSpace(string folder, Exception inner) =>
        new(StorageUnusableException.CannotCreate, $"Storage:Path {folder} has no space left on its disk; free some space and start again (nothing queued is lost).", inner);

    private static string OwnerOf(string folder)
    {
        try
        {
            var text = File.ReadAllText(Path.Combine(folder, OwnerFileName)).Trim();
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid.ToString(CultureInfo.InvariantCulture) : "unknown";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "unknown";
        }
    }
}
