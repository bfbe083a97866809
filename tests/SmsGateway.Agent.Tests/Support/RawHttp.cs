using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace SmsGateway.Agent.Tests.Support;

/// <summary>
/// Hand-made HTTP/1.1 over a <see cref="TcpClient"/>: for requests that HttpClient refuses to send (malformed
/// chunked bodies, bodies that stop half-way). One request per connection.
/// </summary>
public static class RawHttp
{
    /// <summary>The request line and headers of a POST, up to and including the blank line.</summary>
    public static string PostHead(string path, string apiKey, string framing, string contentType = "application/json", string? extraHeaders = null) =>
        $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Api-Key: {apiKey}\r\nContent-Type: {contentType}\r\n{extraHeaders}{framing}\r\n\r\n";

    /// <summary>A well-formed chunk of <paramref name="data"/>: its size in hex, CRLF, the data, CRLF.</summary>
    public static string Chunk(string data) =>
        $"{Encoding.UTF8.GetByteCount(data).ToString("x", CultureInfo.InvariantCulture)}\r\n{data}\r\n";

    /// <summary>
    /// Writes <paramref name="request"/>, optionally closes the sending side (the client hung up mid-body), and reads
    /// the answer. Null when the server closed the connection without answering. A server that neither answers nor
    /// closes within <paramref name="timeout"/> fails the test.
    /// </summary>
    public static async Task<RawHttpResponse?> SendAsync(Uri server, string request, TimeSpan timeout, bool closeSendingSide = false)
    {
        using var cancel = new CancellationTokenSource(timeout);
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, cancel.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request), cancel.Token);
        await stream.FlushAsync(cancel.Token);
        if (closeSendingSide)
        {
            client.Client.Shutdown(SocketShutdown.Send);
        }

        var received = new List<byte>();
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                if (TryParse(received.ToArray()) is { } response)
                {
                    return response;
                }

                var read = await stream.ReadAsync(buffer, cancel.Token);
                if (read == 0)
                {
                    return TryParse(received.ToArray());
                }

                received.AddRange(buffer.AsSpan(0, read));
            }
        }
        catch (IOException)
        {
            // A reset after the server gave up on the connection: whatever arrived before it is the answer.
            return TryParse(received.ToArray());
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No answer and no close within {timeout}; received: {Encoding.UTF8.GetString(received.ToArray())}");
        }
    }

    private static RawHttpResponse? TryParse(byte[] data)
    {
        var headEnd = data.AsSpan().IndexOf("\r\n\r\n"u8);
        if (headEnd < 0)
        {
            return null;
        }

        var lines = Encoding.ASCII.GetString(data, 0, headEnd).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = lines.Skip(1)
            .Select(line => line.Split(':', 2))
            .ToDictionary(kv => kv[0].Trim().ToLowerInvariant(), kv => kv[1].Trim());
        var rest = data.AsSpan(headEnd + 4);
        if (headers.TryGetValue("transfer-encoding", out var coding) && coding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            return Dechunk(rest) is { } body ? new RawHttpResponse(status, headers, body) : null;
        }

        var length = headers.TryGetValue("content-length", out var declared) ? int.Parse(declared, CultureInfo.InvariantCulture) : 0;
        return rest.Length >= length ? new RawHttpResponse(status, headers, Encoding.UTF8.GetString(rest[..length])) : null;
    }

    /// <summary>The body of a complete chunked answer; null while its last chunk has not arrived.</summary>
    private static string? Dechunk(ReadOnlySpan<byte> chunked)
    {
        var body = new List<byte>();
        while (true)
        {
            var lineEnd = chunked.IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                return null;
            }

            var size = int.Parse(Encoding.ASCII.GetString(chunked[..lineEnd]), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                return Encoding.UTF8.GetString(body.ToArray());
            }

            if (lineEnd + 2 + size + 2 > chunked.Length)
            {
                return null;
            }

            body.AddRange(chunked.Slice(lineEnd + 2, size));
            chunked = chunked[(lineEnd + 2 + size + 2)..];
        }
    }
}
