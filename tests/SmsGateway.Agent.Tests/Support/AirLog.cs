using System.Text.Json;

namespace SmsGateway.Agent.Tests.Support;

/// <summary>Reads the simulator's air log: the ground truth of what left the modem.</summary>
public static class AirLog
{
    public sealed record Entry(string To, string Text, int Part, int Parts, int? Reference = null);

    public static IReadOnlyList<Entry> Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        // The writer may be mid-line; only whole lines count.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var entries = new List<Entry>();
        while (reader.ReadLine() is { } line)
        {
            if (!line.EndsWith('}'))
            {
                continue;
            }

            var json = JsonDocument.Parse(line).RootElement;
            entries.Add(new Entry(
                json.GetProperty("to").GetString()!,
                json.GetProperty("text").GetString() ?? string.Empty,
                json.TryGetProperty("part", out var part) && part.ValueKind == JsonValueKind.Number ? part.GetInt32() : 1,
                json.TryGetProperty("parts", out var parts) && parts.ValueKind == JsonValueKind.Number ? parts.GetInt32() : 1,
                json.TryGetProperty("reference", out var reference) && reference.ValueKind == JsonValueKind.Number ? reference.GetInt32() : null));
        }

        return entries;
    }
}
