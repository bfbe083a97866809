using SmsGateway.Core.Domain;

namespace SmsGateway.Core.Sending.Records;

/// <summary>A message as read from the store, with the ETag to update it by.</summary>
public sealed record StoredMessage(Message Message, string ETag);
