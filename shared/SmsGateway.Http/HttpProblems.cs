using System.Globalization;

namespace SmsGateway.Http;

/// <summary>Problem answers that more than one endpoint gives.</summary>
public static class HttpProblems
{
    /// <summary>A problem with a <c>Retry-After</c> header in whole seconds (at least 1), also named in the detail.</summary>
    public static IResult RetryLater(HttpContext context, TimeSpan retryAfter, int status, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        var seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Results.Problem(statusCode: status, title: title, detail: $"{detail} Try again in {seconds} s.");
    }
}
