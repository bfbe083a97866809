using SmsGateway.Core.Receiving.Inbound;

namespace SmsGateway.Agent.Api;

/// <summary>
/// One received SMS in <c>GET /api/inbound</c> and <c>GET /api/inbound/{id}</c>. <see cref="Truncated"/>: a part's user
/// data ended before its declared length, so the text is what arrived, decoded as far as it went.
/// </summary>
public sealed record InboundMessageResponse(
    string Id,
    string From,
    DateTimeOffset SentAt,
    DateTimeOffset ReceivedAt,
    string Text,
    int Parts,
    bool Complete,
    IReadOnlyList<int> MissingParts,
    bool Truncated)
{
    public static InboundMessageResponse Of(InboundMessage message) => new(
        message.Id,
        message.Sender,
        message.SentAt,
        message.ReceivedAt,
        message.Text,
        message.Parts,
        message.Complete,
        message.MissingParts,
        message.Truncated);
}
