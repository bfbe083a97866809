using System.Collections.Concurrent;
using System.Net;

namespace SmsGateway.Webhooks.Tests.Support;

/// <summary>An HTTP handler standing in for a receiver: answers each request as scripted and keeps what it was sent.</summary>
internal sealed class ScriptedReceiver : HttpMessageHandler
{
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();

    /// <summary>How the next requests are answered; 200 unless a test says otherwise.</summary>
    public Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Answer { get; set; } =
        (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));

    public IReadOnlyList<ReceivedRequest> Received => [.. _received];

    public void AnswerWith(HttpStatusCode status) => Answer = (_, _) => Task.FromResult(new HttpResponseMessage(status));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadAsStringAsync(cancellationToken);
        _received.Enqueue(new ReceivedRequest(
            request.RequestUri!,
            request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
            request.Content.Headers.ContentType?.MediaType,
            body));
        return await Answer(request, cancellationToken);
    }
}
