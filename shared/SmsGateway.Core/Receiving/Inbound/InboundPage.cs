namespace SmsGateway.Core.Receiving.Inbound;

/// <summary>One page of inbound messages, newest first; <see cref="Next"/> is the cursor for the next (older) page, or null at the end.</summary>
public sealed record InboundPage(IReadOnlyList<InboundMessage> Items, string? Next);
