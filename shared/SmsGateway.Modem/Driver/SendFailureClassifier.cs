using SmsGateway.Core.Modem;
using SmsGateway.Modem.At;

namespace SmsGateway.Modem.Driver;

/// <summary>Maps what went wrong during <c>AT+CMGS</c> to how the retry policy should treat it.</summary>
internal static class SendFailureClassifier
{
    /// <summary>
    /// <c>+CMS ERROR</c> codes that no retry can fix (TS 24.011 / 27.005): unassigned or barred number,
    /// unknown subscriber, facility rejected, invalid PDU parameters. Everything else (network congestion
    /// 38/41/42/47, no network 331/332, 500 unknown, vendor codes 512+) may pass on a later attempt.
    /// </summary>
    private static readonly HashSet<int> PermanentCms = [1, 8, 10, 21, 27, 28, 29, 30, 50, 96, 304, 305];

    public static SendFailureKind Classify(AtException exception) => exception switch
    {
        AtCommandException { Kind: AtErrorKind.Cms, ErrorCode: { } code } => PermanentCms.Contains(code) ? SendFailureKind.Permanent : SendFailureKind.Transient,
        AtTimeoutException { PayloadSent: true } => SendFailureKind.UnknownOutcome,
        AtChannelClosedException { PayloadSent: true } => SendFailureKind.UnknownOutcome,
        _ => SendFailureKind.Transient,
    };

    public static SmsSendException ToSendException(AtException exception, int partNumber, IReadOnlyList<int> sentReferences, int partCount, int? concatReference)
    {
        var kind = Classify(exception);
        var message = partCount == 1
            ? $"send failed: {exception.Message}"
            : $"part {partNumber} of {partCount} failed: {exception.Message}";
        if (sentReferences.Count > 0)
        {
            message += $"; {sentReferences.Count} part(s) before it sent (references {string.Join(", ", sentReferences)})";
        }

        var code = exception is AtCommandException { ErrorCode: { } errorCode } ? errorCode : (int?)null;
        return new SmsSendException(kind, message, code, exception)
        {
            SentPartReferences = [.. sentReferences],
            ConcatReference = concatReference,
        };
    }
}
