namespace SmsGateway.Core.Tests.Sending.Worker.Support;

/// <summary>
/// Runs a step of the test (complete a send, publish, advance the clock) with no synchronization context, so that
/// the worker's continuations run inline on the test's thread up to the worker's next wait. What the test reads
/// right after the step is then what the worker did in reply to it, without waiting on real time.
/// </summary>
internal static class Inline
{
    public static void Run(Action step)
    {
        var saved = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            step();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(saved);
        }
    }
}
