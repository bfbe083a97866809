using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmsGateway.Core.Modem;
using SmsGateway.Core.Webhooks;

namespace SmsGateway.Webhooks;

/// <summary>
/// Stores a <c>modem.status</c> event when the modem connects or is lost. The modem port has no change notification, so
/// its status is looked at every <see cref="Period"/>; the state at start is the baseline and reports nothing. A host
/// without a modem (the Functions, tools) gets no such events.
/// </summary>
public sealed partial class ModemStatusEvents(
    IWebhookStore store,
    WebhookEventFactory events,
    WebhookWakeUp wakeUp,
    TimeProvider time,
    ILogger<ModemStatusEvents> logger,
    ISmsModem? modem = null) : BackgroundService
{
    /// <summary>Often enough that a receiver hears of a lost modem within seconds, rarely enough to cost nothing.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    private bool? _connected;

    /// <summary>Compares the modem's status with the last one seen and stores an event when it connected or was lost.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        if (modem is null)
        {
            return;
        }

        var status = modem.Status;
        if (_connected is { } before && before != status.Connected)
        {
            // Remembered only once stored, so a failed write is tried again at the next look.
            await store.AppendAsync([events.ForModemStatus(status)], cancellationToken);
            wakeUp.Events.Pulse();
        }

        _connected = status.Connected;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (modem is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(Period, time);
        do
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogCheckFailed(logger, ex);
            }
        }
        while (await NextAsync(timer, stoppingToken));
    }

    private static async Task<bool> NextAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 7020, Level = LogLevel.Warning, Message = "Could not store a modem.status webhook event; looking again at the next check")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
