using System.Text.Json.Serialization;

namespace SmsGateway.Http;

/// <summary>
/// The body of <c>POST /api/messages</c>. A member it does not have (<c>sendAt</c>, <c>from</c>, a typo) is refused,
/// never ignored: a caller who thinks they scheduled a message or picked a sender must hear that they did not.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SendMessageBody(IReadOnlyList<string?>? To, string? Text, string? Priority);
