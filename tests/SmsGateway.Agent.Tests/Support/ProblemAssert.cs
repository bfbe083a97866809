using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SmsGateway.Agent.Tests.Support;

/// <summary>Checks that an answer is an RFC 9457 problem with the expected status and words in its detail.</summary>
public static class ProblemAssert
{
    public static async Task IsProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detailContains)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Contains(detailContains, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
