namespace SmsGateway.Core.Hosting;

/// <summary>
/// Runs a piece of background work now and then every <c>period</c> until the host stops. A failed
/// round is reported and the next round tries again, so a passing fault never stops the loop.
/// </summary>
internal static class PeriodicWork
{
    public static async Task RunAsync(
        TimeSpan period,
        TimeProvider time,
        Func<CancellationToken, Task> round,
        Action<Exception> onFailure,
        CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(period, time);
        do
        {
            try
            {
                await round(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                onFailure(ex);
            }
        }
        while (await NextTickAsync(timer, stoppingToken));
    }

    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
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
}
