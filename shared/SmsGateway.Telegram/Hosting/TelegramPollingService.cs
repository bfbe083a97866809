using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmsGateway.Telegram.Bot;
using SmsGateway.Telegram.Configuration;
using SmsGateway.Telegram.Updates;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace SmsGateway.Telegram.Hosting;

/// <summary>
/// Long polling: asks <c>getUpdates</c> for new updates and records each before confirming it (the next
/// call's offset confirms). After a crash Telegram hands out the unconfirmed ones again; the inbox knows them.
/// </summary>
public sealed class TelegramPollingService(
    TelegramConnection connection,
    TelegramUpdateRecorder recorder,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<TelegramPollingService> logger) : BackgroundService
{
    internal static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.EditedMessage];

    private const int BatchSize = 100;

    private static readonly TimeSpan InboxFullPause = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var retry = new TelegramRetry(connection, settings, time, logger);
        TelegramLog.BridgeStarted(logger, "long polling", settings.ChatIds.Length);
        if (settings.ChatIds.Length == 0)
        {
            TelegramLog.NoChats(logger);
        }

        try
        {
            // getUpdates answers 409 while a webhook is set (e.g. from an earlier run in webhook mode).
            await retry.RunAsync("deleteWebhook", ct => connection.Client.DeleteWebhook(dropPendingUpdates: false, ct), stoppingToken);
            await PollAsync(settings, retry, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task PollAsync(TelegramOptions settings, TelegramRetry retry, CancellationToken stoppingToken)
    {
        int? offset = null;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(settings.PollingTimeoutSeconds) + settings.RequestTimeout);
            try
            {
                // A full inbox leaves the updates with Telegram (not confirmed, so handed out again) until some are acted on.
                if (!await recorder.HasRoomAsync(stoppingToken))
                {
                    await Task.Delay(InboxFullPause, time, stoppingToken);
                    continue;
                }

                var updates = await connection.Client.GetUpdates(offset, Math.Clamp(recorder.Room, 1, BatchSize), settings.PollingTimeoutSeconds, AllowedUpdates, timeout.Token);
                foreach (var update in updates)
                {
                    await recorder.RecordAsync(update.Id, JsonSerializer.Serialize(update, JsonBotAPI.Options), stoppingToken);
                    offset = update.Id + 1;
                }

                failures = 0;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                var delay = retry.DelayAfter(ex, ++failures);
                TelegramLog.CallFailed(logger, "getUpdates", delay.TotalMilliseconds, ex is OperationCanceledException ? "timed out" : connection.Describe(ex));
                await Task.Delay(delay, time, stoppingToken);
            }
        }
    }
}
