namespace SmsGateway.Storage.Embedded;

/// <summary>The state column of the queue table.</summary>
internal enum QueueItemState
{
    /// <summary>Waiting, or locked by a receiver until its visible_at.</summary>
    Active = 0,

    /// <summary>Completed; kept for a while so a repeated publish stays a no-op.</summary>
    Completed = 1,

    DeadLettered = 2,
}
