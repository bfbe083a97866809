using SmsGateway.Core.Domain;
using SmsGateway.Core.Text;

namespace SmsGateway.Http;

/// <summary>The lower-case names the API uses for statuses and encodings.</summary>
public static class ApiNames
{
    public static string Of(MessageStatus status) => status switch
    {
        MessageStatus.PartiallyFailed => "partially_failed",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static string Of(DestinationStatus status) => status.ToString().ToLowerInvariant();

    public static string Of(SmsEncoding encoding) => encoding == SmsEncoding.Gsm7 ? "gsm7" : "ucs2";
}
