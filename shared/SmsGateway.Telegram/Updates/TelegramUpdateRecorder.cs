using Microsoft.Extensions.Logging;
using SmsGateway.Core.Chat;
using SmsGateway.Telegram.Hosting;

namespace SmsGateway.Telegram.Updates;

/// <summary>Records a received update durably in the inbox (the first step for webhook and polling alike) and wakes the processor.</summary>
public sealed class TelegramUpdateRecorder(IChatInbox inbox, TelegramSignals signals, TimeProvider time, ILogger<TelegramUpdateRecorder> logger)
{
    /// <summary>True when the update is new; false when it was recorded before (Telegram repeated it).</summary>
    public async Task<bool> RecordAsync(long updateId, string json, CancellationToken cancellationToken)
    {
        var added = await inbox.AddAsync(new ChatUpdate(updateId, json, time.GetUtcNow()), cancellationToken);
        if (added)
        {
            TelegramLog.UpdateRecorded(logger, updateId);
            signals.Updates.Pulse();
        }
        else
        {
            TelegramLog.DuplicateUpdate(logger, updateId);
        }

        return added;
    }
}
