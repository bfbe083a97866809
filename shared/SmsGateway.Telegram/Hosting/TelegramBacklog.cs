using Microsoft.Extensions.Options;
using SmsGateway.Core.Receiving.Bridge;
using SmsGateway.Core.Outbox;
using SmsGateway.Telegram.Configuration;
using SmsGateway.Telegram.Posting;

namespace SmsGateway.Telegram.Hosting;

/// <summary>How full the bridge's two bounded stages are, for health reports: counted, not estimated.</summary>
public sealed class TelegramBacklog(IOutbox outbox, IChatInbox inbox, IOptions<TelegramOptions> options)
{
    public async Task<TelegramBacklogCounts> CountAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        return new TelegramBacklogCounts(
            await outbox.CountPendingAsync(TelegramOutboxWriter.ChannelPrefix, cancellationToken),
            settings.OutboxCapacity,
            await inbox.CountPendingAsync(cancellationToken),
            settings.InboxCapacity);
    }
}
