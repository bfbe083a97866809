using Microsoft.AspNetCore.Server.Kestrel.Core;
using SmsGateway.Http;

namespace SmsGateway.Agent.Hosting;

/// <summary>
/// What one client may cost Kestrel: how large a request may be, and how long a client that stops sending may hold
/// it. Constants, not settings: a valid request is a few hundred bytes sent at once, so no user's client comes near them.
/// </summary>
internal static class KestrelLimits
{
    /// <summary>
    /// Request headers must be complete this long after the request began. Ours are under 1 KiB, one packet on any link;
    /// Kestrel's 30 s would let a client that trickles headers hold a connection three times as long. Kestrel answers
    /// it with a bare 408 (the request never reaches the application, so there is no problem body) and closes.
    /// </summary>
    public static readonly TimeSpan RequestHeadersTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A body that stops arriving is cut off once it falls below this rate after <see cref="BodyGracePeriod"/>: the
    /// handler reading it gets a 408 (<see cref="BadRequestExceptionHandler"/> answers the problem). Kestrel's own
    /// default, stated here because the agent relies on it: a 2G link still manages twenty times as much, so only a
    /// client that has stopped is cut off, and it holds its request (and its rate-limit permit) for seconds, not minutes.
    /// </summary>
    public const double MinBodyBytesPerSecond = 240;

    /// <summary>How long a body may take before <see cref="MinBodyBytesPerSecond"/> is enforced: a slow link's first round trips.</summary>
    public static readonly TimeSpan BodyGracePeriod = TimeSpan.FromSeconds(5);

    public static void Apply(KestrelServerLimits limits)
    {
        limits.MaxRequestBodySize = HttpLimits.MaxMessageBodyBytes;
        limits.MaxRequestHeadersTotalSize = 32 * 1024;
        limits.RequestHeadersTimeout = RequestHeadersTimeout;
        limits.MinRequestBodyDataRate = new MinDataRate(MinBodyBytesPerSecond, BodyGracePeriod);
    }
}
