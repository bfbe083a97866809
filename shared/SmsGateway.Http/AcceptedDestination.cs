namespace SmsGateway.Http;

public sealed record AcceptedDestination(string To, string Status);
