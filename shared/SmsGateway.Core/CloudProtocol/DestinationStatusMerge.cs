using SmsGateway.Core.Domain;

namespace SmsGateway.Core.CloudProtocol;

/// <summary>
/// Applies an agent's destination status to the cloud's copy monotonically: events may arrive late, twice
/// or out of order, and the copy must never go back to an older state.
/// </summary>
/// <remarks>
/// Statuses rank <c>queued &lt; sending &lt; sent &lt; delivered | undelivered | failed</c>. A higher rank is
/// reached through legal moves only (<see cref="Destination.MoveTo"/>), so a missed <c>sending</c> is walked
/// through, but <c>sent → failed</c> is not. A lower rank is applied only when it is a legal move and the
/// event has seen at least as many attempts as the copy: that is the agent itself moving back (a retry after a
/// transient failure, a replayed dead letter), not an old event. Everything else is skipped, never thrown.
/// </remarks>
public static class DestinationStatusMerge
{
    /// <summary>The destination after <paramref name="change"/>, or null with the reason it was skipped.</summary>
    public static (Destination? Updated, string? SkipReason) Apply(Destination current, DestinationStatusChanged change)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(change);
        var from = current.Status;
        var to = change.Status;
        Destination moved;
        if (to == from)
        {
            // Only a new attempt (sending again with more attempts) or new facts move an equal status.
            moved = current;
            if (change.Attempts < current.Attempts)
            {
                return (null, $"stale: already {Name(from)} with {current.Attempts} attempt(s)");
            }
        }
        else if (Rank(to) > Rank(from))
        {
            var path = ForwardPath(from, to);
            if (path is null)
            {
                return (null, $"illegal move from {Name(from)} to {Name(to)}");
            }

            moved = path.Aggregate(current, (d, status) => d.MoveTo(status));
        }
        else if (StatusTransitions.IsAllowed(from, to) && change.Attempts >= current.Attempts)
        {
            moved = current.MoveTo(to);
        }
        else
        {
            return (null, $"stale: already {Name(from)}");
        }

        var merged = moved with
        {
            Attempts = Math.Max(current.Attempts, change.Attempts),

            // The last error stays after a later success, for operators (as Destination documents).
            Error = change.Error ?? current.Error,
            SentAt = change.SentAt ?? current.SentAt,
            DeliveredAt = change.DeliveredAt ?? current.DeliveredAt,
            PartReferences = change.PartReferences is { Count: > 0 } references ? references : current.PartReferences,
            NextAttemptAt = to == DestinationStatus.Queued ? change.NextAttemptAt : null,
        };
        return merged == current ? (null, $"unchanged: already {Name(from)}") : (merged, null);
    }

    private static int Rank(DestinationStatus status) => status switch
    {
        DestinationStatus.Queued => 0,
        DestinationStatus.Sending => 1,
        DestinationStatus.Sent => 2,
        _ => 3,
    };

    /// <summary>The legal moves, each up in rank, that lead from <paramref name="from"/> to <paramref name="to"/>; null when none do.</summary>
    private static List<DestinationStatus>? ForwardPath(DestinationStatus from, DestinationStatus to)
    {
        if (StatusTransitions.IsAllowed(from, to))
        {
            return [to];
        }

        foreach (var via in Enum.GetValues<DestinationStatus>())
        {
            if (Rank(via) > Rank(from) && Rank(via) < Rank(to) && StatusTransitions.IsAllowed(from, via)
                && ForwardPath(via, to) is { } rest)
            {
                rest.Insert(0, via);
                return rest;
            }
        }

        return null;
    }

    private static string Name(DestinationStatus status) => status.ToString().ToLowerInvariant();
}
