namespace SmsGateway.Core.Receiving.Bridge;

/// <summary>An update from a chat service (a Telegram <c>Update</c>) exactly as it arrived, recorded before it is acted on.</summary>
/// <param name="UpdateId">The service's id of the update; unique per bot and the key of deduplication.</param>
/// <param name="Payload">The update's JSON as received.</param>
/// <param name="ReceivedAt">When it was recorded.</param>
public sealed record ChatUpdate(long UpdateId, string Payload, DateTimeOffset ReceivedAt);
