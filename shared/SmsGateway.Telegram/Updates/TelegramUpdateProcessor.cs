using System.Text.Json;
using Microsoft.Extensions.Logging;
using SmsGateway.Core.Receiving.Bridge;
using SmsGateway.Telegram.Bot;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace SmsGateway.Telegram.Updates;

/// <summary>
/// Acts on recorded updates in update order, each once: handled, then marked processed. A crash in
/// between handles it again, which changes nothing because every action is keyed by the update id
/// (intake's Idempotency-Key, the outbox's dedupe key).
/// </summary>
public sealed class TelegramUpdateProcessor(
    IChatInbox inbox,
    TelegramUpdateHandler handler,
    TelegramConnection connection,
    ILogger<TelegramUpdateProcessor> logger)
{
    private const int MaxAttempts = 5;
    private const int BatchSize = 50;

    private readonly Dictionary<long, int> _failures = [];

    /// <summary>
    /// Handles pending updates and returns how many were settled. Stops at an update that failed, to keep
    /// the order; then <c>Blocked</c> is true and the caller tries again a little later.
    /// </summary>
    public async Task<(int Processed, bool Blocked)> ProcessPendingAsync(CancellationToken cancellationToken)
    {
        var processed = 0;
        foreach (var pending in await inbox.ListPendingAsync(BatchSize, cancellationToken))
        {
            if (!await ProcessAsync(pending, cancellationToken))
            {
                return (processed, true);
            }

            processed++;
        }

        return (processed, false);
    }

    private async Task<bool> ProcessAsync(ChatUpdate pending, CancellationToken cancellationToken)
    {
        Update? update;
        try
        {
            update = JsonSerializer.Deserialize<Update>(pending.Payload, JsonBotAPI.Options);
        }
        catch (JsonException ex)
        {
            TelegramLog.UnreadableUpdate(logger, pending.UpdateId, ex.Message);
            update = null;
        }

        try
        {
            if (update is not null)
            {
                await handler.HandleAsync(update, cancellationToken);
            }

            await inbox.MarkProcessedAsync(pending.UpdateId, cancellationToken);
            _failures.Remove(pending.UpdateId);
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var attempts = _failures[pending.UpdateId] = _failures.GetValueOrDefault(pending.UpdateId) + 1;
            if (attempts < MaxAttempts)
            {
                TelegramLog.UpdateFailed(logger, pending.UpdateId, attempts, connection.Describe(ex));
                return false;
            }

            // One poisonous update must not stop every later one for good.
            TelegramLog.UpdateAbandoned(logger, pending.UpdateId, attempts, connection.Describe(ex));
            await inbox.MarkProcessedAsync(pending.UpdateId, cancellationToken);
            _failures.Remove(pending.UpdateId);
            return true;
        }
    }
}
