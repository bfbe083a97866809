using Microsoft.AspNetCore.Http.Features;

namespace SmsGateway.Http;

/// <summary>Request size limits of the message endpoints, the same in every host.</summary>
public static class HttpLimits
{
    /// <summary>The largest send body accepted: far above any valid message, far below harm.</summary>
    public const long MaxMessageBodyBytes = 64 * 1024;

    /// <summary>
    /// The body limit in force for <paramref name="request"/>: the server's (Kestrel's per-request feature) when
    /// there is one, else <see cref="MaxMessageBodyBytes"/>.
    /// </summary>
    public static long? BodyLimit(HttpRequest request) =>
        request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { } feature
            ? feature.MaxRequestBodySize
            : MaxMessageBodyBytes;

    /// <summary>The problem detail of a body over <paramref name="limit"/> bytes.</summary>
    public static string TooLargeDetail(long? limit) => $"The body is larger than the {limit / 1024} KiB allowed.";

    /// <summary>Lowers the server's body limit for this request (a host whose server-wide limit serves larger bodies elsewhere).</summary>
    public static void LimitBody(HttpRequest request, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = maxBytes;
        }
    }
}
