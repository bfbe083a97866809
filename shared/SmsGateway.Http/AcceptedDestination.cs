namespace SmsGateway.Agent.Api;

public sealed record AcceptedDestination(string To, string Status);
