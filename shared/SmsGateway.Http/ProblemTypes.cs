namespace SmsGateway.Http;

/// <summary>The problem <c>type</c> URIs the gateway answers with; stable, documented in docs/problems.md.</summary>
public static class ProblemTypes
{
    private const string Base = "https://smsgateway.dev/problems/";

    /// <summary>507: the gateway's storage is full; nothing was stored, the same request succeeds once space returns.</summary>
    public const string StorageFull = Base + "storage-full";
}
