using System.Text.Json;

namespace SmsGateway.Agent.Tests.Support;

/// <summary>An HTTP/1.1 answer read off a raw socket: status, headers (names lower-cased) and the de-chunked body.</summary>
public sealed record RawHttpResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? ContentType => Headers.TryGetValue("content-type", out var type) ? type.Split(';')[0].Trim() : null;

    public JsonElement Json() => JsonDocument.Parse(Body).RootElement;
}
