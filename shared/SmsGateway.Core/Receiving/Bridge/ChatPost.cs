namespace SmsGateway.Core.Receiving.Bridge;

/// <summary>A message the bot posted, found again by a key of the caller's choosing (e.g. to edit it later).</summary>
/// <param name="Key">The caller's name for the post, unique.</param>
/// <param name="ChatId">The chat it was posted in.</param>
/// <param name="MessageId">The chat service's id of the posted message.</param>
/// <param name="Text">The text it shows now, so an edit that changes nothing can be skipped.</param>
public sealed record ChatPost(string Key, long ChatId, long MessageId, string Text);
