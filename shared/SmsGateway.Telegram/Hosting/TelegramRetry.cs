using Microsoft.Extensions.Logging;
using SmsGateway.Core.Sending.Worker;
using SmsGateway.Telegram.Bot;
using SmsGateway.Telegram.Configuration;
using SmsGateway.Telegram.Posting;

namespace SmsGateway.Telegram.Hosting;

/// <summary>Retries a Bot API call that must succeed before a worker can go on (setWebhook, deleteWebhook), honouring 429.</summary>
internal sealed class TelegramRetry(TelegramConnection connection, TelegramOptions options, TimeProvider time, ILogger logger)
{
    private readonly RetryBackoff _backoff = new(options.RetryBaseDelay, options.RetryMaxDelay);

    /// <summary>The delay after failure number <paramref name="failures"/>: Telegram's retry_after, else backoff (never quite zero, so an outage is not hammered).</summary>
    public TimeSpan DelayAfter(Exception exception, int failures) =>
        TelegramFailure.Classify(exception, out var retryAfter) == TelegramFailureKind.RetryAfter
            ? retryAfter
            : TimeSpan.FromTicks(Math.Max(_backoff.DelayAfter(failures).Ticks, options.RetryBaseDelay.Ticks / 2));

    public async Task RunAsync(string method, Func<CancellationToken, Task> call, CancellationToken stoppingToken)
    {
        for (var failures = 1; ; failures++)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(options.RequestTimeout);
            try
            {
                await call(timeout.Token);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                var delay = DelayAfter(ex, failures);
                TelegramLog.CallFailed(logger, method, delay.TotalMilliseconds, ex is OperationCanceledException ? "timed out" : connection.Describe(ex));
                await Task.Delay(delay, time, stoppingToken);
            }
        }
    }
}
