using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SmsGateway.Core.Receiving.Inbound;
using SmsGateway.Core.Modem;
using SmsGateway.Core.Options;
using SmsGateway.Core.Sending.Queue;
using SmsGateway.Core.Sending.Records;
using SmsGateway.Telegram.Bot;
using SmsGateway.Telegram.Configuration;
using SmsGateway.Telegram.Formatting;
using SmsGateway.Telegram.Posting;
using SmsGateway.Telegram.Telemetry;
using SmsGateway.Telegram.Updates;

namespace SmsGateway.Telegram.Hosting;

public static class TelegramServiceCollectionExtensions
{
    /// <summary>
    /// The standalone bridge: <see cref="AddTelegramBridgeServices"/> plus its workers (long polling, or
    /// webhook registration when <c>Telegram:WebhookUrl</c> or <c>Telegram:Mode=webhook</c> says so). Without
    /// <c>Telegram:BotToken</c>, or with <c>Telegram:Mode=off</c>, only the options are registered and the
    /// gateway runs without Telegram.
    /// </summary>
    public static IHostApplicationBuilder AddTelegramBridge(this IHostApplicationBuilder builder)
    {
        if (!builder.Services.AddTelegramBridgeServices(builder.Configuration))
        {
            return builder;
        }

        builder.Services.AddHostedService<TelegramUpdateService>();
        builder.Services.AddHostedService<TelegramDispatchService>();
        if (ResolveMode(builder.Configuration) == TelegramMode.Webhook)
        {
            builder.Services.AddHostedService<TelegramWebhookRegistration>();
        }
        else
        {
            builder.Services.AddHostedService<TelegramPollingService>();
        }

        return builder;
    }

    /// <summary>
    /// The host-agnostic parts (for the standalone host and the cloud functions alike): options validated at
    /// start, the Bot API connection, the update handler and inbox processor, the webhook receiver, the outbox
    /// dispatcher, and the inbound and status listeners. The host registers the stores
    /// (<c>IOutbox</c>, <c>IChatInbox</c>, <c>IChatBridgeStore</c>) and intake. Returns false when the bridge is off.
    /// </summary>
    public static bool AddTelegramBridgeServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<TelegramOptions, TelegramOptionsValidator>(TelegramOptions.SectionName);
        if (string.IsNullOrWhiteSpace(configuration[$"{TelegramOptions.SectionName}:{nameof(TelegramOptions.BotToken)}"])
            || ResolveMode(configuration) == TelegramMode.Off)
        {
            return false;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<TelegramMetrics>();
        services.AddSingleton<TelegramConnection>();
        services.AddSingleton<TelegramSignals>();
        services.AddSingleton<TelegramRateLimiter>();
        services.AddSingleton<TelegramOutboxWriter>();
        services.AddSingleton<TelegramPostSender>();
        services.AddSingleton<TelegramDispatcher>();
        services.AddSingleton(sp => new GatewayStatusReport(sp.GetRequiredService<IOutboundQueue>(), sp.GetService<ISmsModem>()));
        services.AddSingleton<TelegramUpdateHandler>();
        services.AddSingleton<TelegramUpdateRecorder>();
        services.AddSingleton<TelegramUpdateProcessor>();
        services.AddSingleton<TelegramWebhookReceiver>();
        services.AddSingleton<TelegramRound>();
        services.AddSingleton<TelegramBacklog>();
        services.AddSingleton<IInboundMessageListener, TelegramInboundForwarder>();
        services.AddSingleton<IDestinationStatusListener, TelegramStatusListener>();
        return true;
    }

    private static TelegramMode ResolveMode(IConfiguration configuration)
    {
        var section = configuration.GetSection(TelegramOptions.SectionName);
        var mode = section[nameof(TelegramOptions.Mode)];

        // An unknown mode is reported by the options validation at start; until then it counts as polling.
        TelegramMode? parsed = Enum.TryParse<TelegramMode>(mode, ignoreCase: true, out var value) ? value : null;
        return TelegramOptions.ResolveMode(parsed, section[nameof(TelegramOptions.WebhookUrl)]);
    }
}
