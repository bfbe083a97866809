namespace SmsGateway.Agent.Api;

/// <summary>The modem part of <c>/api/health</c>.</summary>
/// <param name="Connected">The modem is open and set up.</param>
/// <param name="Model">Its model, as it names itself.</param>
/// <param name="Operator">The network it is registered with.</param>
/// <param name="Registered">Registered with a network (at home or roaming).</param>
/// <param name="SignalDbm">Signal strength in dBm, null when unknown.</param>
/// <param name="Error">Why the modem is not usable, when it is not.</param>
/// <param name="Inbound">How received SMS reach the gateway: <c>notified</c>, <c>polled</c> (the modem announces nothing,
/// its storage is listed every <c>Modem:StatusInterval</c>), <c>unavailable</c> (nothing is received on this device) or
/// <c>unknown</c> before set-up.</param>
/// <param name="Reports">The same for status reports; <c>unavailable</c> also when <c>Modem:DeliveryReports</c> is off.</param>
public sealed record ModemHealth(bool Connected, string? Model, string? Operator, bool Registered, int? SignalDbm, string? Error, string Inbound, string Reports);
