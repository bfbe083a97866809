namespace SmsGateway.Http.Webhooks;

/// <summary>
/// The answer to creating an endpoint or rotating its secret: the endpoint and its signing secret, which is shown only
/// here (store it in the receiver; it cannot be read again).
/// </summary>
/// <param name="Endpoint">The endpoint as it is now.</param>
/// <param name="Secret"><c>whsec_</c> and the base64 key.</param>
public sealed record WebhookSecretResponse(WebhookEndpointResponse Endpoint, string Secret);
