using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace SmsGateway.Http;

/// <summary>
/// Turns a request the server could not read — a malformed chunked body, a body that stopped arriving, one over the
/// size limit — into its 4xx problem, for every endpoint at once. Kestrel signals these with a
/// <see cref="BadHttpRequestException"/> from whichever handler was reading the body; left to the exception handler
/// middleware they would be a 500 with a stack trace at Error per connection, though the client, not the server, is at fault.
/// </summary>
public sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems, ILogger<BadRequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        // One line, no stack trace: the reason is the whole story, and the client's fault.
        RequestRefused(logger, httpContext.Request.Method, httpContext.Request.Path.Value ?? "/", bad.StatusCode, bad.Message);
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = Problem(httpContext.Request, bad) });
    }

    private static ProblemDetails Problem(HttpRequest request, BadHttpRequestException bad)
    {
        var title = ReasonPhrases.GetReasonPhrase(bad.StatusCode);
        switch (bad.StatusCode)
        {
            case StatusCodes.Status408RequestTimeout:
                return new ProblemDetails
                {
                    Status = bad.StatusCode,
                    Title = title,
                    Detail = "The request body stopped arriving; nothing was done. Send the whole body without pausing.",
                };
            case StatusCodes.Status413PayloadTooLarge:
                return BodyProblem(bad.StatusCode, title, HttpLimits.TooLargeDetail(HttpLimits.BodyLimit(request)));
            default:
                // Kestrel's reasons ("Bad chunk size data.", "Unexpected end of request content.") name the fault, not the content.
                return BodyProblem(bad.StatusCode, title, $"The request body could not be read: {bad.Message} Nothing was done.");
        }
    }

    // Keyed by "body" like the send endpoint's own body errors, so a client reads every body fault the same way.
    private static HttpValidationProblemDetails BodyProblem(int status, string title, string detail) =>
        new(new Dictionary<string, string[]> { ["body"] = [detail] }) { Status = status, Title = title, Detail = detail };

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Refused {Method} {Path}: its request could not be read ({Status}: {Reason})")]
    private static partial void RequestRefused(ILogger logger, string method, string path, int status, string reason);
}
