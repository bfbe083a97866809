using System.Text.Encodings.Web;
using System.Text.Json;

namespace SmsGateway.Modem.Simulator;

/// <summary>Appends one JSON line per transmitted part and flushes it, so the file can be tailed while the gateway runs.</summary>
internal sealed class AirLogWriter : IDisposable
{
    // Keep non-ASCII text readable in the file: a log for people, not for embedding in HTML.
    private static readonly AirLogJsonContext _context = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    });

    private readonly Lock _lock = new();
    private readonly StreamWriter _writer;

    public AirLogWriter(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        if (System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        _writer = new StreamWriter(stream) { AutoFlush = true, NewLine = "\n" };
    }

    public string Path { get; }

    public void Append(TransmittedSms entry)
    {
        var line = JsonSerializer.Serialize(entry, _context.TransmittedSms);
        lock (_lock)
        {
            _writer.WriteLine(line);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _writer.Dispose();
        }
    }
}
