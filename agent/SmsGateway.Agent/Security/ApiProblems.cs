using System.Globalization;

namespace SmsGateway.Agent.Security;

/// <summary>The problem+json answers of authentication, authorization and the limits.</summary>
public static class ApiProblems
{
    public const string ApiKeyHeader = "X-Api-Key";

    public static IResult Unauthorized() => Results.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "Unauthorized",
        detail: $"Send a valid API key in the {ApiKeyHeader} header.");

    public static IResult Forbidden(string? scope) => Results.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "Forbidden",
        detail: scope is null ? "This API key may not do this." : $"This API key lacks the '{scope}' scope.");

    /// <summary>429 with a <c>Retry-After</c> header in whole seconds (at least 1).</summary>
    public static IResult TooManyRequests(HttpContext context, TimeSpan retryAfter, string detail)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", detail: $"{detail} Try again in {seconds} s.");
    }
}
