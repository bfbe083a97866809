using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace SmsGateway.Agent.Security;

/// <summary>
/// Authenticates the <c>X-Api-Key</c> header against the <see cref="ApiKeyStore"/>: the caller's name
/// becomes the user name (the rate-limit partition) and its scopes become <c>scope</c> claims.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[ApiProblems.ApiKeyHeader];
        if (presented.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        // The failure text is logged by ASP.NET Core: it must never contain the presented key.
        if (presented.Count != 1 || keys.Find(presented[0]) is not { } client)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        }

        Context.Features.Set(client);
        var claims = client.Scopes.Select(s => new Claim(ApiScopes.ClaimType, s)).Prepend(new Claim(ClaimTypes.Name, client.Name));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ApiProblems.Unauthorized().ExecuteAsync(Context);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.Forbidden(Context.GetEndpoint()?.Metadata.GetMetadata<RequiredApiScope>()?.Scope).ExecuteAsync(Context);
}
