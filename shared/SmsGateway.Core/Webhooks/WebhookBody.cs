using System.Text.Encodings.Web;
using System.Text.Json;

namespace SmsGateway.Core.Webhooks;

/// <summary>
/// The bytes a webhook POSTs. Made once when the event is stored and sent unchanged on every retry, since they are what
/// is signed. A body never goes into HTML, so '+' in a phone number and non-ASCII text stay as they are instead of
/// <c>\u002B</c> escapes: receivers that log or compare it read what the gateway saw.
/// </summary>
public static class WebhookBody
{
    private static readonly WebhookJsonContext Context = new(new JsonSerializerOptions(WebhookJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>The JSON body of <paramref name="webhookEvent"/>: <c>{"type", "timestamp", "data"}</c>.</summary>
    public static string Of(WebhookEvent webhookEvent) => JsonSerializer.Serialize(webhookEvent.ToPayload(), Context.WebhookPayload);
}
