using System.Text.Json;
using SmsGateway.Core.Webhooks;

namespace SmsGateway.Http.Webhooks;

/// <summary>
/// Reads <c>POST /api/webhooks</c> strictly: a JSON object with <c>url</c>, <c>events</c> and an optional
/// <c>description</c>, and nothing else (an unknown member is refused by name, so a typo never goes unnoticed).
/// </summary>
internal static class WebhookEndpointBodyReader
{
    private const int MaxDescription = 500;
    private static readonly string[] Members = ["url", "events", "description"];

    public sealed record Result(WebhookEndpointBody? Body, Dictionary<string, string[]>? Errors, int StatusCode = StatusCodes.Status400BadRequest);

    public static async Task<Result> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = HttpLimits.BodyLimit(request);
        if (request.ContentLength > limit)
        {
            return Fail("body", HttpLimits.TooLargeDetail(limit), StatusCodes.Status413PayloadTooLarge);
        }

        JsonDocument document;
        try
        {
            // A member given twice is refused like the send body's: which of the two counts would be a guess.
            document = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { AllowDuplicateProperties = false }, cancellationToken);
        }
        catch (JsonException ex) when (ex.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            return Fail("body", "A member is given twice; give each of url, events and description at most once.");
        }
        catch (JsonException ex)
        {
            return Fail("body", JsonBodyError.NotJson(ex));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Fail("body", HttpLimits.TooLargeDetail(limit), StatusCodes.Status413PayloadTooLarge);
        }

        using (document)
        {
            return Read(document.RootElement);
        }
    }

    private static Result Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Fail("body", "The body must be a JSON object such as {\"url\": \"https://example.com/hooks\", \"events\": [\"message.sent\"]}.");
        }

        var errors = new Dictionary<string, string[]>();
        foreach (var member in root.EnumerateObject().Where(m => !Members.Contains(m.Name, StringComparer.Ordinal)))
        {
            errors[member.Name] = [$"'{member.Name}' is not a member of a webhook endpoint; the members are url, events and description."];
        }

        var url = root.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
        if (url is null)
        {
            errors["url"] = ["'url' must be given, as a string such as \"https://example.com/hooks\"."];
        }

        var events = ReadEvents(root, errors);
        string? description = null;
        if (root.TryGetProperty("description", out var d) && d.ValueKind != JsonValueKind.Null)
        {
            description = d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            if (description is null || description.Length > MaxDescription)
            {
                errors["description"] = [$"'description' must be a string of at most {MaxDescription} characters."];
            }
        }

        return errors.Count > 0 ? new Result(null, errors) : new Result(new WebhookEndpointBody(url!, events!, description), null);
    }

    private static List<string>? ReadEvents(JsonElement root, Dictionary<string, string[]> errors)
    {
        var known = $"{string.Join(", ", WebhookEventTypes.All)}, or \"*\" for all";
        if (!root.TryGetProperty("events", out var e) || e.ValueKind != JsonValueKind.Array || e.GetArrayLength() == 0
            || e.EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String))
        {
            errors["events"] = [$"'events' must be a non-empty array of event types: {known}."];
            return null;
        }

        var events = e.EnumerateArray().Select(t => t.GetString()!).Distinct(StringComparer.Ordinal).ToList();
        var unknown = events.Where(t => !WebhookEventTypes.IsSubscribable(t)).ToList();
        if (unknown.Count > 0)
        {
            errors["events"] = [$"Unknown event type(s) {string.Join(", ", unknown.Select(t => $"'{t}'"))}; use {known}."];
            return null;
        }

        return events;
    }

    private static Result Fail(string field, string message, int status = StatusCodes.Status400BadRequest) =>
        new(null, new Dictionary<string, string[]> { [field] = [message] }, status);
}
