using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SmsGateway.Core.Webhooks;

namespace SmsGateway.Webhooks;

/// <summary>
/// POSTs one stored event to one endpoint, signed, and says how it went. Redirects are not followed (a redirect is a
/// failed attempt: it could lead anywhere) and the response body is never read, so a receiver can neither steer the
/// gateway elsewhere nor make it hold a large answer.
/// </summary>
public sealed class WebhookSender(HttpClient http, WebhookAddressPolicy policy, TimeProvider time, TimeSpan requestTimeout)
{
    public async Task<WebhookAttempt> SendAsync(WebhookEndpoint endpoint, WebhookDeliveryLease lease, CancellationToken cancellationToken)
    {
        if (policy.CheckUrl(endpoint.Url) is { } refusal)
        {
            return new WebhookAttempt.Failed("refused: " + refusal);
        }

        var now = time.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(lease.Body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(WebhookSigner.IdHeader, lease.EventId);
        request.Headers.Add(WebhookSigner.TimestampHeader, WebhookSigner.Timestamp(now));
        request.Headers.Add(WebhookSigner.SignatureHeader, WebhookSigner.Sign(lease.EventId, now, lease.Body, endpoint.SigningSecrets(now)));

        // On the injected clock (not HttpClient.Timeout), so timeouts are tested without waiting.
        using var timeout = new CancellationTokenSource(requestTimeout, time);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token);
            var status = (int)response.StatusCode;
            return response.StatusCode switch
            {
                HttpStatusCode.Gone => new WebhookAttempt.Gone(),
                _ when status is >= 200 and < 300 => new WebhookAttempt.Delivered(status),
                _ => new WebhookAttempt.Failed($"the receiver answered {status} {response.ReasonPhrase}".TrimEnd()),
            };
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttempt.Failed($"no answer within {requestTimeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex) when (Find<WebhookAddressRefusedException>(ex) is { } refused)
        {
            return new WebhookAttempt.Failed("refused: " + refused.Message);
        }
        catch (HttpRequestException ex)
        {
            return new WebhookAttempt.Failed("could not reach the receiver: " + ex.Message);
        }
    }

    /// <summary>The handler the gateway calls receivers with: the address policy at connect time, no redirects, the connect timeout.</summary>
    public static SocketsHttpHandler CreateHandler(WebhookAddressPolicy policy, TimeSpan connectTimeout) => new()
    {
        AllowAutoRedirect = false,
        ConnectTimeout = connectTimeout,
        ConnectCallback = policy.ConnectAsync,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    private static T? Find<T>(Exception? ex)
        where T : Exception
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is T found)
            {
                return found;
            }
        }

        return null;
    }
}
