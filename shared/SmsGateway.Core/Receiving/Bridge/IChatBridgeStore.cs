namespace SmsGateway.Core.Receiving.Bridge;

/// <summary>
/// What a chat bridge remembers between updates: which chat message showed which SMS sender, the bot's
/// own posts by key, and when a chat that is not allowed was last refused. Every call is a single-row
/// point read or upsert, so Azure Table storage can implement it (partition by chat id or key).
/// </summary>
public interface IChatBridgeStore
{
    /// <summary>Creates or replaces the record of a forwarded SMS.</summary>
    Task SaveForwardAsync(ForwardedSms forward, CancellationToken cancellationToken);

    /// <summary>The forwarded SMS that chat message <paramref name="messageId"/> in <paramref name="chatId"/> showed, or null.</summary>
    Task<ForwardedSms?> FindForwardAsync(long chatId, long messageId, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the post with <see cref="ChatPost.Key"/>.</summary>
    Task SavePostAsync(ChatPost post, CancellationToken cancellationToken);

    /// <summary>The post saved under <paramref name="key"/>, or null.</summary>
    Task<ChatPost?> FindPostAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically: when chat <paramref name="chatId"/> was not refused within <paramref name="interval"/>
    /// before <paramref name="now"/>, records <paramref name="now"/> as its last refusal and returns true;
    /// otherwise changes nothing and returns false.
    /// </summary>
    Task<bool> TryStartRefusalAsync(long chatId, DateTimeOffset now, TimeSpan interval, CancellationToken cancellationToken);
}
