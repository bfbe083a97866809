namespace SmsGateway.Core.Receiving.Inbound;

/// <summary>Where a multipart set is: collecting parts, being written out as a message, or done.</summary>
public enum InboundSetState
{
    Open = 0,

    /// <summary>The parts to include and the message id are fixed; the message may not be stored yet.</summary>
    Releasing = 1,

    Released = 2,
}
