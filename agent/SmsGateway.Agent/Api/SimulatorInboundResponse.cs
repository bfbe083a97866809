namespace SmsGateway.Agent.Api;

/// <summary>Where the simulated modem stored the injected parts on its SIM.</summary>
public sealed record SimulatorInboundResponse(int Parts, IReadOnlyList<int> SimIndexes);
