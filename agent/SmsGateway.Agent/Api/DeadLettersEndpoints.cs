using SmsGateway.Agent.Security;
using SmsGateway.Core.Sending.DeadLetters;

namespace SmsGateway.Agent.Api;

/// <summary><c>GET /api/deadletters</c> and <c>POST /api/deadletters/{id}/replay</c>.</summary>
public static class DeadLettersEndpoints
{
    public static IEndpointRouteBuilder MapDeadLettersEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/deadletters").RequireApiScope(ApiScopes.Admin).WithTags("Dead letters");
        group.MapGet("/", ListAsync)
            .WithName("ListDeadLetters")
            .Produces<DeadLetterListResponse>()
            .ProducesValidationProblem();
        group.MapPost("/{id}/replay", ReplayAsync)
            .WithName("ReplayDeadLetter")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status507InsufficientStorage);
        return routes;
    }

    private static async Task<IResult> ListAsync(DeadLetterService deadLetters, int? limit, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > 1000)
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["limit"] = ["'limit' must be between 1 and 1000."] },
                title: "The request is not valid.");
        }

        return Results.Ok(new DeadLetterListResponse(await deadLetters.ListAsync(limit ?? 100, cancellationToken)));
    }

    private static async Task<IResult> ReplayAsync(string id, DeadLetterService deadLetters, CancellationToken cancellationToken) =>
        await deadLetters.ReplayAsync(id, cancellationToken)
            ? Results.Accepted()
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no dead letter with id '{id}'.");
}
