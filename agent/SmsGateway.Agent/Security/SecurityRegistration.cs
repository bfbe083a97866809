using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmsGateway.Core.Options;

namespace SmsGateway.Agent.Security;

/// <summary>API keys with scopes, the per-key rate limit and the daily cap.</summary>
public static class SecurityRegistration
{
    public static WebApplicationBuilder AddApiSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<ApiAccessOptions, ApiAccessOptionsValidator>(ApiAccessOptions.SectionName);
        services.AddSingleton<ApiKeyStore>();

        // At start (after the options are validated), not at the first request: the first start logs the generated key.
        services.AddHostedService<ApiKeyStartup>();
        services.AddSingleton<DailySendLedger>();
        services.AddSingleton<DailyCapFilter>();

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        var authorization = services.AddAuthorizationBuilder();
        foreach (var scope in ApiScopes.All)
        {
            authorization.AddPolicy(ApiScopes.PolicyName(scope), p => p.RequireAuthenticatedUser().RequireClaim(ApiScopes.ClaimType, ApiScopes.Granting(scope)));
        }

        services.AddApiRateLimiting();
        return builder;
    }

    /// <summary>Authentication, then the rate limit (which partitions by the caller), then the scope checks.</summary>
    public static WebApplication UseApiSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    /// <summary>
    /// The endpoint needs an API key with <paramref name="scope"/> and counts against the key's rate limit;
    /// a <c>send</c> endpoint also counts against its daily cap. The answers that brings (401 without a valid key, 403
    /// without the scope, 429 over the rate) go into the OpenAPI document here, so no endpoint can forget them.
    /// </summary>
    public static TBuilder RequireApiScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization(ApiScopes.PolicyName(scope)).RequireRateLimiting(ApiRateLimiting.PolicyName).WithMetadata(new RequiredApiScope(scope));
        foreach (var status in (int[])[StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status429TooManyRequests])
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
        }

        if (scope == ApiScopes.Send)
        {
            builder.AddEndpointFilter<TBuilder, DailyCapFilter>();
        }

        return builder;
    }
}
