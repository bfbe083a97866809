namespace SmsGateway.Modem.At;

/// <summary>A final result code: <c>OK</c> or an error.</summary>
internal readonly record struct AtFinalResult(bool Success, AtErrorKind Kind, int? Code, string Line);
