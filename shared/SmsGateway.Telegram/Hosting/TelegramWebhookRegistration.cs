using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmsGateway.Telegram.Bot;
using SmsGateway.Telegram.Configuration;
using Telegram.Bot;

namespace SmsGateway.Telegram.Hosting;

/// <summary>Webhook mode: registers <c>Telegram:WebhookUrl</c> with its secret at start, retrying until Telegram takes it.</summary>
public sealed class TelegramWebhookRegistration(
    TelegramConnection connection,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<TelegramWebhookRegistration> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        TelegramLog.BridgeStarted(logger, "webhook", settings.ChatIds.Length);
        if (settings.ChatIds.Length == 0)
        {
            TelegramLog.NoChats(logger);
        }

        try
        {
            await new TelegramRetry(connection, settings, time, logger).RunAsync(
                "setWebhook",
                ct => connection.Client.SetWebhook(
                    settings.WebhookUrl!,
                    allowedUpdates: TelegramPollingService.AllowedUpdates,
                    secretToken: settings.WebhookSecret,
                    cancellationToken: ct),
                stoppingToken);
            TelegramLog.WebhookRegistered(logger);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
