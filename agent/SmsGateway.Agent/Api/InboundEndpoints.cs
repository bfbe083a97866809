using System.Globalization;
using SmsGateway.Agent.Security;
using SmsGateway.Core.Receiving.Inbound;

namespace SmsGateway.Agent.Api;

/// <summary><c>GET /api/inbound</c> (received SMS, newest first, paged) and <c>GET /api/inbound/{id}</c>.</summary>
public static class InboundEndpoints
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;

    public static IEndpointRouteBuilder MapInboundEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/inbound").RequireApiScope(ApiScopes.Read).WithTags("Inbound");
        group.MapGet("/", ListAsync)
            .WithName("ListInbound")
            .Produces<InboundListResponse>()
            .ProducesValidationProblem();
        group.MapGet("/{id}", GetAsync)
            .WithName("GetInbound")
            .Produces<InboundMessageResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    // Query values are read by hand so that "?limit=abc" gets the same problem+json as "?limit=500".
    private static async Task<IResult> ListAsync(HttpRequest request, IInboundStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var limit = DefaultLimit;
        var limitValues = request.Query["limit"];
        if (limitValues.Count > 1 || (limitValues.Count == 1
            && (!int.TryParse(limitValues[0], NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit)))
        {
            errors["limit"] = [$"'limit' must be a whole number from 1 to {MaxLimit}."];
        }

        var beforeValues = request.Query["before"];
        string? before = null;
        if (beforeValues.Count > 1 || (beforeValues.Count == 1 && !IsCursor(before = beforeValues[0])))
        {
            errors["before"] = ["'before' must be the 'next' cursor of a previous page."];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: "The request is not valid.");
        }

        var page = await store.ListMessagesAsync(before, limit, cancellationToken);
        return Results.Ok(new InboundListResponse(page.Items.Select(InboundMessageResponse.Of).ToList(), page.Next));
    }

    private static async Task<IResult> GetAsync(string id, IInboundStore store, CancellationToken cancellationToken)
    {
        var message = IsCursor(id) ? await store.GetMessageAsync(id, cancellationToken) : null;
        return message is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no inbound message with id '{id}'.")
            : Results.Ok(InboundMessageResponse.Of(message));
    }

    // Ids and cursors are message ids: 32 lower-case hex digits.
    private static bool IsCursor(string? value) =>
        value is { Length: 32 } && value.All(char.IsAsciiHexDigitLower);
}
