using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SmsGateway.Core.CloudProtocol;

namespace SmsGateway.Agent.Cloud;

/// <summary>
/// POSTs batches of events (the <see cref="AgentEventBatch"/> contract) to <c>{Cloud:BaseUrl}/api/agent/events</c> with <c>X-Agent-Key</c> (and
/// <c>x-functions-key</c> when configured). It only classifies the answer; retries are the caller's.
/// </summary>
public sealed class AgentEventsClient(HttpClient http, IOptions<CloudOptions> options, TimeProvider time)
{
    public const string EventsPath = "api/agent/events";
    public const string AgentKeyHeader = "X-Agent-Key";
    public const string FunctionKeyHeader = "x-functions-key";

    /// <summary>Sends the events, given as their stored JSON, in one request.</summary>
    public async Task<EventsPostOutcome> PostAsync(IReadOnlyList<string> eventPayloads, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, EventsUri(settings.BaseUrl!))
        {
            Content = new ByteArrayContent(Body(eventPayloads)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(AgentKeyHeader, settings.AgentKey);
        if (!string.IsNullOrWhiteSpace(settings.FunctionKey))
        {
            request.Headers.Add(FunctionKeyHeader, settings.FunctionKey);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.RequestTimeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return Classify(response);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new EventsPostOutcome(EventsPostResult.RetryLater, null, null, $"no answer within {settings.RequestTimeout}");
        }
        catch (HttpRequestException ex)
        {
            // The message names the host and the socket error, never the request's headers.
            return new EventsPostOutcome(EventsPostResult.RetryLater, null, null, ex.HttpRequestError + ": " + ex.Message);
        }
    }

    public static Uri EventsUri(Uri baseUrl) => new(baseUrl.AbsoluteUri.TrimEnd('/') + "/" + EventsPath);

    // The stored events are already JSON: they are written into the batch as they are, byte for byte.
    private static byte[] Body(IReadOnlyList<string> eventPayloads)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", AgentEventBatch.CurrentVersion);
            writer.WriteStartArray("events");
            foreach (var payload in eventPayloads)
            {
                writer.WriteRawValue(Encoding.UTF8.GetBytes(payload));
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private EventsPostOutcome Classify(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var retryAfter = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - time.GetUtcNow(),
            _ => (TimeSpan?)null,
        };
        var result = response.IsSuccessStatusCode ? EventsPostResult.Accepted
            : response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnprocessableEntity
                ? EventsPostResult.Rejected
                : EventsPostResult.RetryLater;
        return new EventsPostOutcome(result, status, retryAfter, $"HTTP {status} {response.ReasonPhrase}");
    }
}
