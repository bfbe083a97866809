using SmsGateway.Core.Sending.Policy;

namespace SmsGateway.Azure.Tests.Tables;

/// <summary>A check followed by its count, as intake does for a request that it stores.</summary>
internal static class SharedCounterExtensions
{
    public static async Task<LimitedNumber?> CheckAndCountAsync(this ISharedDestinationCounter counter, IReadOnlyList<string> numbers, int perHour, CancellationToken cancellationToken)
    {
        var check = await counter.CheckAsync(numbers, perHour, cancellationToken);
        if (check.Limited is { } limited)
        {
            return limited;
        }

        await check.CountAsync(cancellationToken);
        return null;
    }
}
