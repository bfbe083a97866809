namespace SmsGateway.Testing;

/// <summary>Polls a condition with a deadline: how tests wait for another process or a background worker, never with a sleep.</summary>
public static class Eventually
{
    /// <summary>Generous: a deadline only guards against a hang, and this machine may be busy with other builds.</summary>
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout) =>
        WaitUntilAsync(() => Task.FromResult(condition()), timeout);

    /// <summary>Waits for <paramref name="what"/>, which the timeout's message names.</summary>
    public static Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        WaitUntilAsync(() => Task.FromResult(condition()), timeout ?? DefaultTimeout, what);

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what = "the condition")
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what} ({timeout}).");
            }

            await Task.Delay(50);
        }
    }
}
