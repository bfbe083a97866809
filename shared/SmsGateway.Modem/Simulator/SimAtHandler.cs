namespace SmsGateway.Modem.Simulator;

/// <summary>Executes one parsed command on a session.</summary>
internal delegate ValueTask<SimAtResult> SimAtHandler(SimulatorSession session, SimAtCommand command, CancellationToken cancellationToken);
