using System.Globalization;
using System.Text;
using Azure.Data.Tables;

namespace SmsGateway.Azure.Tables;

/// <summary>Property conventions shared by the table stores.</summary>
internal static class TableValues
{
    // 30,000 UTF-16 characters are 60,000 bytes: under the 64 KiB limit of one string property.
    public const int ChunkChars = 30_000;

    /// <summary>
    /// A time with its offset (Table storage's own DateTime keeps only UTC, and the offset of an SMS
    /// time stamp is information), in a form that sorts and reads well.
    /// </summary>
    public static string Time(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Time(TableEntity entity, string name) =>
        DateTimeOffset.ParseExact(entity.GetString(name), "O", CultureInfo.InvariantCulture, DateTimeStyles.None);

    public static string Numbers(IReadOnlyList<int> numbers) => string.Join(',', numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)));

    public static IReadOnlyList<int> Numbers(TableEntity entity, string name) =>
        entity.GetString(name) is { Length: > 0 } text ? text.Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray() : [];

    /// <summary>Writes <paramref name="text"/> as <c>name</c>, <c>name1</c>, … chunks that each fit one property; returns how many.</summary>
    public static int WriteChunks(TableEntity entity, string name, string text)
    {
        var chunks = Split(text);
        for (var i = 0; i < chunks.Count; i++)
        {
            entity[ChunkName(name, i)] = chunks[i];
        }

        entity[name + "Chunks"] = chunks.Count;
        return chunks.Count;
    }

    public static string ReadChunks(TableEntity entity, string name)
    {
        var count = entity.GetInt32(name + "Chunks") ?? 1;
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append(entity.GetString(ChunkName(name, i)));
        }

        return text.ToString();
    }

    public static string ChunkName(string name, int index) =>
        index == 0 ? name : name + index.ToString(CultureInfo.InvariantCulture);

    public static List<string> Split(string text)
    {
        var chunks = new List<string>();
        for (var start = 0; start < text.Length || chunks.Count == 0;)
        {
            var length = Math.Min(ChunkChars, text.Length - start);

            // Never cut a surrogate pair in two: each half alone is not valid text for the service.
            if (start + length < text.Length && char.IsHighSurrogate(text[start + length - 1]))
            {
                length--;
            }

            chunks.Add(text.Substring(start, length));
            start += length;
        }

        return chunks;
    }
}
