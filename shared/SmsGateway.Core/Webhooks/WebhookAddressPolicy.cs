using System.Net;
using System.Net.Sockets;

namespace SmsGateway.Core.Webhooks;

/// <summary>
/// Which receivers the gateway may call (SSRF): by default only <c>https</c> to public addresses. A URL is checked when it
/// is registered, and the address a name resolves to is checked again each time a connection is made, so a name that
/// later resolves to 127.0.0.1 or 10.0.0.1 is refused then too. <c>Webhooks:AllowHttp</c> and
/// <c>Webhooks:AllowPrivateNetworks</c> open this up for LAN installs.
/// </summary>
public sealed class WebhookAddressPolicy(bool allowHttp, bool allowPrivateNetworks)
{
    /// <summary>Why <paramref name="url"/> may not be an endpoint, or null when it may.</summary>
    public string? CheckUrl(Uri url)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return "the url must be an absolute https:// URL";
        }

        if (url.Scheme == Uri.UriSchemeHttp && !allowHttp)
        {
            return "the url must use https:// (set Webhooks:AllowHttp=true for a receiver on your own network)";
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            return "the url must not carry a user name or password";
        }

        return IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var address) ? CheckAddress(address) : null;
    }

    /// <summary>Why the gateway may not connect to <paramref name="address"/>, or null when it may.</summary>
    public string? CheckAddress(IPAddress address) =>
        !allowPrivateNetworks && IsPrivate(address)
            ? $"{address} is a private, loopback or link-local address (set Webhooks:AllowPrivateNetworks=true for a receiver on your own network)"
            : null;

    /// <summary>
    /// Loopback, this-network, private (10/8, 172.16/12, 192.168/16, 100.64/10), link-local (169.254/16, fe80::/10),
    /// unique-local (fc00::/7), multicast and unspecified addresses, IPv4 also when mapped into IPv6.
    /// </summary>
    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] is 0 or 10 or 127 || b[0] >= 224
                || (b[0] == 172 && b[1] is >= 16 and <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 100 && b[1] is >= 64 and <= 127);
        }

        var v6 = address.GetAddressBytes();
        return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (v6[0] & 0xFE) == 0xFC;
    }

    /// <summary>
    /// Connects as <see cref="SocketsHttpHandler.ConnectCallback"/> does, to the first resolved address this policy allows;
    /// refuses with the reason when it allows none.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var refusals = new List<string>();
        foreach (var address in addresses)
        {
            if (CheckAddress(address) is { } refusal)
            {
                refusals.Add(refusal);
                continue;
            }

            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw new WebhookAddressRefusedException(
            refusals.Count > 0 ? $"{host} was refused: {refusals[0]}" : $"{host} resolves to no address");
    }
}
