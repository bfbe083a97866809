namespace SmsGateway.Modem.At;

/// <summary>A received line; <paramref name="Noisy"/> when binary noise or invalid UTF-8 was stripped from it.</summary>
internal readonly record struct AtLine(string Text, bool Noisy);
