namespace SmsGateway.Core.Domain;

/// <summary>
/// How a message's status follows from its destinations' statuses.
/// </summary>
/// <remarks>
/// While any destination is still in flight the message is <c>queued</c> (all queued) or
/// <c>sending</c>. Once every destination has an outcome: any <c>unknown</c> → <c>unknown</c> (a person has
/// to decide about it before the message can be said to have succeeded or failed); all the same outcome → that outcome;
/// some failed or undelivered and some sent or delivered → <c>partially_failed</c>; a mix of
/// failed and undelivered → <c>failed</c>; a mix of sent and delivered → <c>sent</c>.
/// </remarks>
public static class MessageStatusRules
{
    public static MessageStatus Aggregate(IReadOnlyCollection<DestinationStatus> statuses)
    {
        if (statuses.Count == 0)
        {
            return MessageStatus.Queued;
        }

        if (statuses.All(s => s == DestinationStatus.Queued))
        {
            return MessageStatus.Queued;
        }

        if (statuses.Any(s => s is DestinationStatus.Queued or DestinationStatus.Sending))
        {
            return MessageStatus.Sending;
        }

        if (statuses.Contains(DestinationStatus.Unknown))
        {
            return MessageStatus.Unknown;
        }

        var distinct = statuses.Distinct().ToList();
        if (distinct.Count == 1)
        {
            return distinct[0] switch
            {
                DestinationStatus.Sent => MessageStatus.Sent,
                DestinationStatus.Delivered => MessageStatus.Delivered,
                DestinationStatus.Undelivered => MessageStatus.Undelivered,
                _ => MessageStatus.Failed,
            };
        }

        var anyGood = statuses.Any(s => s is DestinationStatus.Sent or DestinationStatus.Delivered);
        var anyBad = statuses.Any(s => s is DestinationStatus.Failed or DestinationStatus.Undelivered);
        return (anyGood, anyBad) switch
        {
            (true, true) => MessageStatus.PartiallyFailed,
            (false, true) => MessageStatus.Failed,
            _ => MessageStatus.Sent,
        };
    }
}
