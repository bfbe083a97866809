namespace SmsGateway.Agent.Diagnostics;

/// <summary>A diagnostic command's failure, printed as JSON like its success.</summary>
public sealed record CommandError(string Error);
