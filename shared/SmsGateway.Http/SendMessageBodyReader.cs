using System.Text.Json;

namespace SmsGateway.Http;

/// <summary>
/// Reads the send body and turns every way it can be wrong (not JSON, wrong types, too large) into
/// errors keyed by field, in words a person understands rather than .NET type names.
/// </summary>
internal static class SendMessageBodyReader
{
    public sealed record Result(SendMessageBody? Body, Dictionary<string, string[]>? Errors, int StatusCode = StatusCodes.Status400BadRequest);

    public static async Task<Result> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // A declared length over the limit is refused unread; a server without a limit of its own gets ours.
        var limit = HttpLimits.BodyLimit(request);
        if (request.ContentLength > limit)
        {
            return TooLarge(limit);
        }

        try
        {
            var body = await JsonSerializer.DeserializeAsync(request.Body, HttpJsonContext.Default.SendMessageBody, cancellationToken);
            return body is null
                ? Fail("body", "The body must be a JSON object such as {\"to\": [\"+4915112345678\"], \"text\": \"Hello\"}.")
                : new Result(body, null);
        }
        catch (JsonException ex) when (JsonBodyError.StrictnessOf(ex) is { } refused)
        {
            return Fail(refused.Member, refused.Message);
        }
        catch (JsonException ex)
        {
            return JsonBodyError.FieldOf(ex) switch
            {
                "to" => Fail("to", "'to' must be an array of phone numbers given as strings, e.g. [\"+4915112345678\"]."),
                "text" => Fail("text", "'text' must be a string."),
                "priority" => Fail("priority", "'priority' must be \"normal\" or \"high\"."),
                _ => Fail("body", JsonBodyError.NotJson(ex)),
            };
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limit);
        }
    }

    private static Result TooLarge(long? limit) =>
        Fail("body", HttpLimits.TooLargeDetail(limit), StatusCodes.Status413PayloadTooLarge);

    private static Result Fail(string field, string message, int status = StatusCodes.Status400BadRequest) =>
        new(null, new Dictionary<string, string[]> { [field] = [message] }, status);
}
