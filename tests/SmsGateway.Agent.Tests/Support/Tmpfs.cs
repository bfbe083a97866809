using System.Diagnostics;

namespace SmsGateway.Agent.Tests.Support;

/// <summary>
/// A small tmpfs mounted on a temporary folder: a real file system that really fills up (ENOSPC), for the disk-full
/// tests. Mounting needs root (CI runs as root); elsewhere <see cref="SkipReason"/> says why the tests are skipped.
/// </summary>
public sealed class Tmpfs : IDisposable
{
    private static readonly Lazy<string?> Unavailable = new(Probe);

    private Tmpfs(string path) => Path = path;

    public static string? SkipReason => Unavailable.Value;

    public string Path { get; }

    public static Tmpfs Mount(int megabytes)
    {
        var path = Directory.CreateTempSubdirectory("smsgw-tmpfs-").FullName;
        var (exit, error) = Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", path);
        return exit == 0 ? new Tmpfs(path) : throw new InvalidOperationException($"mount failed: {error}");
    }

    /// <summary>Writes a filler file until the file system refuses with "no space"; returns it, to delete for space.</summary>
    public string Fill()
    {
        var filler = System.IO.Path.Combine(Path, "filler");
        var chunk = new byte[64 * 1024];
        using var stream = new FileStream(filler, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, 1, FileOptions.WriteThrough);
        try
        {
            while (true)
            {
                stream.Write(chunk);
            }
        }
        catch (IOException)
        {
            // Full: now the last bytes too, so that not even a page is left.
            for (var size = chunk.Length / 2; size > 0; size /= 2)
            {
                try
                {
                    stream.Write(chunk, 0, size);
                }
                catch (IOException)
                {
                    // Smaller next time.
                }
            }
        }

        return filler;
    }

    public void Dispose()
    {
        Run("umount", "-l", Path);
        Directory.Delete(Path, recursive: true);
    }

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "a tmpfs needs Linux";
        }

        try
        {
            using var probe = Mount(1);
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return $"cannot mount a tmpfs here (needs root): {ex.Message}";
        }
    }

    private static (int Exit, string Error) Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error.Trim());
    }
}
