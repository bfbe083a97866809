using SmsGateway.Core.Domain;
using SmsGateway.Core.Sending.Queue;

namespace SmsGateway.Core.Sending.Worker;

/// <summary>A received item whose destination is durably <c>sending</c>: ready for the modem.</summary>
/// <param name="Lease">The queue item, still locked.</param>
/// <param name="Destination">The destination as recorded <c>sending</c>, this attempt counted.</param>
public sealed record PreparedSend(QueueLease Lease, Destination Destination)
{
    /// <summary>Attempts including this one.</summary>
    public int Attempts => Destination.Attempts;

    /// <summary>Attempts since the last replay, including this one.</summary>
    public int AttemptsInBudget => Destination.AttemptsInBudget;
}
