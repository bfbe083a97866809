namespace SmsGateway.Agent.Security;

/// <summary>Refuses requests without a valid <c>X-Api-Key</c> header with a 401 problem.</summary>
internal sealed class ApiKeyFilter(ApiKeyStore keys) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var presented = context.HttpContext.Request.Headers[HeaderName];
        if (presented.Count != 1 || !keys.IsValid(presented[0]))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Unauthorized",
                detail: $"Send a valid API key in the {HeaderName} header.");
        }

        return await next(context);
    }
}
