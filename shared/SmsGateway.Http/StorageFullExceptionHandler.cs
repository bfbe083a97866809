using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using SmsGateway.Core.Storage;

namespace SmsGateway.Http;

/// <summary>
/// A write the store refused for lack of space is a 507 with <see cref="ProblemTypes.StorageFull"/> and a
/// <c>Retry-After</c>, for every endpoint at once: nothing was stored, and the client should send the same request
/// again later (with its Idempotency-Key) rather than take it as failed.
/// </summary>
public sealed partial class StorageFullExceptionHandler(IProblemDetailsService problems, ILogger<StorageFullExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Long enough for an operator to free space, short enough that queued clients come back soon after.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(60);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not StorageFullException)
        {
            return false;
        }

        // One line per refused request and no stack trace: the cause is the disk, which health reports too.
        Refused(logger, httpContext.Request.Method, httpContext.Request.Path.Value ?? "/");
        httpContext.Response.StatusCode = StatusCodes.Status507InsufficientStorage;
        httpContext.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Type = ProblemTypes.StorageFull,
                Status = StatusCodes.Status507InsufficientStorage,
                Title = "Storage full",
                Detail = $"The gateway's disk is full, so nothing was stored. Send the same request again in {(int)RetryAfter.TotalSeconds} s.",
            },
        });
    }

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Refused {Method} {Path}: the storage is full")]
    private static partial void Refused(ILogger logger, string method, string path);
}
