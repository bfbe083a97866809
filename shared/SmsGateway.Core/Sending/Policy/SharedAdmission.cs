using Microsoft.Extensions.Logging;

namespace SmsGateway.Core.Sending.Policy;

/// <summary>
/// A share checked against the shared count (the cloud's intake) and written only once the request is stored, so
/// a replay or a refusal costs nothing. Two instances racing for a number's last place may both pass: the shared
/// count is a brake, not a ledger.
/// </summary>
internal sealed partial class SharedAdmission(SharedDestinationCheck check, ILogger logger) : DestinationAdmission.Admitted
{
    // The message is stored and queued by now; a count that cannot be written must not turn that into an error.
    private static readonly TimeSpan CountTimeout = TimeSpan.FromSeconds(10);

    public override async Task CommitAsync(CancellationToken cancellationToken)
    {
        using var bounded = new CancellationTokenSource(CountTimeout);
        try
        {
            await check.CountAsync(bounded.Token);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogCountLost(logger, ex);
        }
    }

    public override void Release()
    {
    }

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "An accepted request's SMS could not be added to the shared per-number count; the limit undercounts it")]
    private static partial void LogCountLost(ILogger logger, Exception exception);
}
