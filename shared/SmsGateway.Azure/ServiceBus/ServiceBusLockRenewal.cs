using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;

namespace SmsGateway.Azure.ServiceBus;

/// <summary>
/// Keeps one received message locked while it is worked on: renews the lock when half of it is left, until
/// stopped (settled) or until <c>maxRenewal</c> after receipt, after which the lock simply runs out. What
/// <c>ServiceBusProcessor</c>'s auto lock renewal does, for a receiver the agent drives itself.
/// </summary>
internal sealed partial class ServiceBusLockRenewal : IDisposable
{
    private static readonly TimeSpan MinimumWait = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _stop = new();
    private int _stopped;

    private ServiceBusLockRenewal(DateTimeOffset lockedUntil) => LockedUntil = lockedUntil;

    /// <summary>When the lock ends as far as this receiver knows (renewals move it).</summary>
    public DateTimeOffset LockedUntil { get; private set; }

    public static ServiceBusLockRenewal Start(
        IServiceBusChannel channel, ServiceBusSource source, ServiceBusReceivedMessage message, TimeSpan maxRenewal, TimeProvider time, ILogger logger)
    {
        var renewal = new ServiceBusLockRenewal(message.LockedUntil);
        if (maxRenewal > TimeSpan.Zero)
        {
            _ = renewal.RunAsync(channel, source, message, time.GetUtcNow() + maxRenewal, time, logger);
        }

        return renewal;
    }

    /// <summary>Stops renewing (the message was settled or given up); safe to call more than once.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            _stop.Cancel();
            _stop.Dispose();
        }
    }

    private async Task RunAsync(
        IServiceBusChannel channel, ServiceBusSource source, ServiceBusReceivedMessage message, DateTimeOffset renewUntil, TimeProvider time, ILogger logger)
    {
        var stop = _stop.Token;
        try
        {
            while (true)
            {
                var wait = (LockedUntil - time.GetUtcNow()) / 2;
                await Task.Delay(wait > MinimumWait ? wait : MinimumWait, time, stop);
                var now = time.GetUtcNow();
                if (now >= renewUntil || now >= LockedUntil)
                {
                    return;
                }

                try
                {
                    LockedUntil = await channel.RenewLockAsync(source, message, stop);
                    LogRenewed(logger, message.MessageId, LockedUntil);
                }
                catch (ServiceBusException ex) when (ex.Reason == ServiceBusFailureReason.MessageLockLost)
                {
                    LogLost(logger, message.MessageId, ex.Message);
                    return;
                }
                catch (Exception ex) when (!stop.IsCancellationRequested)
                {
                    // Transient (network): the next try comes after half of what is left of the lock.
                    LogRenewFailed(logger, message.MessageId, ex.GetType().Name, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(EventId = 4211, Level = LogLevel.Debug, Message = "Renewed the lock on Service Bus message {ServiceBusMessageId} until {LockedUntil:O}")]
    private static partial void LogRenewed(ILogger logger, string serviceBusMessageId, DateTimeOffset lockedUntil);

    [LoggerMessage(EventId = 4212, Level = LogLevel.Warning, Message = "The lock on Service Bus message {ServiceBusMessageId} is lost; renewal stops: {Error}")]
    private static partial void LogLost(ILogger logger, string serviceBusMessageId, string error);

    [LoggerMessage(EventId = 4213, Level = LogLevel.Warning, Message = "Renewing the lock on Service Bus message {ServiceBusMessageId} failed ({ErrorType}); trying again: {Error}")]
    private static partial void LogRenewFailed(ILogger logger, string serviceBusMessageId, string errorType, string error);
}
