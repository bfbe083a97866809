using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SmsGateway.Core.CloudProtocol;
using SmsGateway.Telegram.Hosting;

namespace SmsGateway.Functions.Agents;

/// <summary>
/// <c>POST api/agent/events</c>: the agents' channel back to the cloud. Anonymous at the Functions level
/// because each agent has a key of its own (<c>X-Agent-Key</c>), checked before the body is read. A batch is
/// checked whole before any of it is applied (400 changes nothing); 200 comes after every event is durable.
/// With the Telegram bridge on, what the events queued for Telegram (forwarded SMS, status edits) is delivered
/// before the answer; what must wait is left to <c>TelegramOutbox</c>.
/// </summary>
public sealed class AgentEventsFunction(AgentKeyRing keys, AgentEventService events, TelegramRound? telegram = null)
{
    public const string AgentKeyHeader = "X-Agent-Key";

    /// <summary>A full batch of the largest events fits comfortably.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    [Function("AgentEvents")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "agent/events")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var key = request.Headers[AgentKeyHeader];
        if (keys.Authenticate(key.Count == 1 ? key[0] : null) is not { } agentId)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Unauthorized",
                detail: $"Send the agent's key in the {AgentKeyHeader} header.");
        }

        if (!request.HasJsonContentType())
        {
            return Results.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type",
                detail: "Send the batch as JSON with 'Content-Type: application/json'.");
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }

        AgentEventBatch? batch;
        try
        {
            batch = await JsonSerializer.DeserializeAsync(request.Body, AgentJsonContext.Default.AgentEventBatch, cancellationToken);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            // Unknown or missing "kind" surfaces as NotSupportedException for the abstract event type.
            return Invalid(new() { ["body"] = [$"The body is not a valid event batch: {ex.Message}"] });
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }

        if (batch is null)
        {
            return Invalid(new() { ["body"] = ["The body must be a JSON object: {\"version\": 1, \"events\": [...]}."] });
        }

        var errors = AgentEventBatchValidator.Validate(batch, agentId);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var response = await events.ApplyAsync(agentId, batch, cancellationToken);
        if (telegram is not null && response.Results.Any(r => r.Outcome == AgentEventOutcome.Applied))
        {
            await telegram.RunAsync(TimeSpan.Zero, cancellationToken);
        }

        return Results.Json(response, AgentJsonContext.Default.AgentEventsResponse);
    }

    private static IResult Invalid(Dictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, title: "The event batch is not valid; nothing was applied.");

    private static IResult TooLarge() => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Batch too large",
        detail: $"A batch may be at most {MaxBodyBytes / 1024} KiB; send fewer events at once.");
}
