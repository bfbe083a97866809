using SmsGateway.Core.Queue;

namespace SmsGateway.Core.Outbound;

/// <summary>A received item whose destination is durably <c>sending</c>: ready for the modem.</summary>
/// <param name="Lease">The queue item, still locked.</param>
/// <param name="Attempts">Attempts including this one.</param>
/// <param name="AttemptsInBudget">Attempts since the last replay, including this one.</param>
public sealed record PreparedSend(QueueLease Lease, int Attempts, int AttemptsInBudget);
