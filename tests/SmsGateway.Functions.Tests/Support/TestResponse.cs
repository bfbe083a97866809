using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace SmsGateway.Functions.Tests.Support;

/// <summary>What a function answered: status, headers and body.</summary>
public sealed record TestResponse(int Status, IHeaderDictionary Headers, string? ContentType, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>The field errors of a validation problem.</summary>
    public IReadOnlyCollection<string> ErrorFields =>
        Json.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(p => p.Name).ToList() : [];
}
