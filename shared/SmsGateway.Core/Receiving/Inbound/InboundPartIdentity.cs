using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SmsGateway.Core.Modem;

namespace SmsGateway.Core.Receiving.Inbound;

/// <summary>How received parts are recognised and grouped.</summary>
public static class InboundPartIdentity
{
    /// <summary>
    /// The part's identity: sender, SCTS, concatenation info and the PDU, hashed. The same SMS read
    /// twice (a crash before it was deleted from the SIM) gives the same id; two SMS never do, because
    /// the SCTS differs even when sender and text are the same.
    /// </summary>
    public static string PartId(InboundSmsPart part)
    {
        var concat = part.Concat is { } c ? $"{c.Reference}/{c.PartNumber}/{c.PartCount}" : "-";
        var identity = string.Join('\n',
            part.Sender,
            part.SentAt.ToString("O", CultureInfo.InvariantCulture),
            concat,
            part.Pdu.Trim().ToUpperInvariant());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..32];
    }

    /// <summary>
    /// The parts of one multipart SMS share sender, concat reference and part count; a plain SMS has a
    /// key of its own sender.
    /// </summary>
    public static string SetKey(InboundSmsPart part) => IsMultipart(part) && part.Concat is { } concat
        ? string.Create(CultureInfo.InvariantCulture, $"{part.Sender}|{concat.Reference}|{concat.PartCount}")
        : $"{part.Sender}|single";

    /// <summary>
    /// True for a usable part of a concatenated SMS. A header that announces one part, or a part
    /// number outside 1..count, cannot be placed in a set, so such a part stands alone.
    /// </summary>
    public static bool IsMultipart(InboundSmsPart part) =>
        part.Concat is { PartCount: > 1 } c && c.PartNumber >= 1 && c.PartNumber <= c.PartCount;
}
