using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Serialization;

namespace SmsGateway.Azure.Tables;

/// <summary>
/// How a <see cref="Message"/> is laid out in the <c>messages</c> table: PartitionKey = message id,
/// RowKey = <c>message</c>; the JSON document in <c>Json</c>, <c>Json1</c>, … string chunks (a property
/// holds at most 64 KiB), readable in any table browser. A document too large for that (only near the
/// gateway's outer limits: 1000 destinations with long errors) is stored gzip-compressed in binary
/// chunks instead. One <c>Has&lt;Status&gt;</c> boolean per destination status lets the recovery scan
/// filter on the server.
/// </summary>
internal static class MessageEntity
{
    public const string RowKey = "message";

    // 16 full chunks are 960,000 bytes, which leaves room for the other properties under the 1 MiB entity limit.
    internal const int MaxChunks = 16;

    // Binary chunks: 60,000 bytes each, under the same 64 KiB property limit.
    internal const int ChunkBytes = 60_000;

    private const string JsonProperty = "Json";
    private const string ChunksProperty = "JsonChunks";
    private const string EncodingProperty = "JsonEncoding";
    private const string Gzip = "gzip";

    public static TableEntity ToEntity(Message message)
    {
        var json = JsonSerializer.Serialize(message, CoreJsonContext.Default.Message);
        var entity = new TableEntity(message.Id, RowKey)
        {
            ["Status"] = message.Status.ToString(),
            ["CreatedAt"] = message.CreatedAt,
        };
        if (TableValues.Split(json).Count <= MaxChunks)
        {
            TableValues.WriteChunks(entity, JsonProperty, json);
        }
        else
        {
            var compressed = Compress(json);
            var binary = Enumerable.Range(0, (compressed.Length + ChunkBytes - 1) / ChunkBytes)
                .Select(i => compressed.AsSpan(i * ChunkBytes, Math.Min(ChunkBytes, compressed.Length - (i * ChunkBytes))).ToArray())
                .ToList();
            if (binary.Count > MaxChunks)
            {
                throw new ArgumentException(
                    $"Message {message.Id} is {json.Length} characters of JSON, {compressed.Length} bytes compressed; a table entity holds at most {MaxChunks * ChunkBytes}.",
                    nameof(message));
            }

            entity[EncodingProperty] = Gzip;
            entity[ChunksProperty] = binary.Count;
            for (var i = 0; i < binary.Count; i++)
            {
                entity[TableValues.ChunkName(JsonProperty, i)] = binary[i];
            }
        }

        var present = message.Destinations.Select(d => d.Status).ToHashSet();
        foreach (var status in Enum.GetValues<DestinationStatus>())
        {
            entity[FlagName(status)] = present.Contains(status);
        }

        return entity;
    }

    public static Message FromEntity(TableEntity entity)
    {
        string json;
        if (entity.GetString(EncodingProperty) == Gzip)
        {
            using var compressed = new MemoryStream();
            for (var i = 0; i < entity.GetInt32(ChunksProperty); i++)
            {
                compressed.Write(entity.GetBinary(TableValues.ChunkName(JsonProperty, i)));
            }

            json = Decompress(compressed.ToArray());
        }
        else
        {
            json = TableValues.ReadChunks(entity, JsonProperty);
        }

        return JsonSerializer.Deserialize(json, CoreJsonContext.Default.Message)
            ?? throw new InvalidDataException($"Entity {entity.PartitionKey} holds no message.");
    }

    /// <summary>The server-side filter for messages that have a destination in <paramref name="status"/>.</summary>
    public static string HasStatusFilter(DestinationStatus status) => status switch
    {
        // Property names cannot be parameters of CreateQueryFilter, so each status has its own literal filter.
        DestinationStatus.Queued => TableClient.CreateQueryFilter($"RowKey eq {RowKey} and HasQueued eq {true}"),
        DestinationStatus.Sending => TableClient.CreateQueryFilter($"RowKey eq {RowKey} and HasSending eq {true}"),
        DestinationStatus.Sent => TableClient.CreateQueryFilter($"RowKey eq {RowKey} and HasSent eq {true}"),
        DestinationStatus.Delivered => TableClient.CreateQueryFilter($"RowKey eq {RowKey} and HasDelivered eq {true}"),
        DestinationStatus.Undelivered => TableClient.CreateQueryFilter($"RowKey eq {RowKey} and HasUndelivered eq {true}"),
        DestinationStatus.Failed => TableClient.CreateQueryFilter($"RowKey eq {RowKey} and HasFailed eq {true}"),
        DestinationStatus.Unknown => TableClient.CreateQueryFilter($"RowKey eq {RowKey} and HasUnknown eq {true}"),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    internal static string FlagName(DestinationStatus status) => "Has" + status;

    private static byte[] Compress(string json)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal))
        {
            gzip.Write(Encoding.UTF8.GetBytes(json));
        }

        return buffer.ToArray();
    }

    private static string Decompress(byte[] compressed)
    {
        using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
