using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Testing;

namespace SmsGateway.Agent.Tests.Webhooks;

/// <summary><c>/api/webhooks</c> on a gateway with the default address rules (https to public addresses only).</summary>
public sealed class WebhooksApiTests : IAsyncLifetime
{
    private const string HooksKey = "hooks-key-0123456789";
    private const string AdminKey = "admin-key-0123456789";
    private const string ReaderKey = "reader-key-0123456789";

    private GatewayInstance _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayInstance.StartAsync(new ScriptedModem(), new Dictionary<string, string?>
    {
        ["Api:Clients:hooks:Key"] = HooksKey,
        ["Api:Clients:hooks:Scopes:0"] = "webhooks",
        ["Api:Clients:admin:Key"] = AdminKey,
        ["Api:Clients:admin:Scopes:0"] = "admin",
        ["Api:Clients:reader:Key"] = ReaderKey,
        ["Api:Clients:reader:Scopes:0"] = "read",
    });

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Create_Answers201WithTheSecretOnce_ListAndGetNeverShowIt_DeleteRemovesIt()
    {
        using var hooks = Client(HooksKey);

        var created = await hooks.PostAsJsonAsync("/api/webhooks", new { url = "https://hooks.example.com/in", events = new[] { "message.sent", "message.failed" }, description = "shop" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("endpoint").GetProperty("id").GetString()!;
        Assert.StartsWith("wh_", id, StringComparison.Ordinal);
        Assert.Equal($"/api/webhooks/{id}", created.Headers.Location?.ToString());
        Assert.StartsWith("whsec_", body.GetProperty("secret").GetString(), StringComparison.Ordinal);
        Assert.Equal(["message.sent", "message.failed"], body.GetProperty("endpoint").GetProperty("events").EnumerateArray().Select(e => e.GetString()));

        var list = await hooks.GetStringAsync("/api/webhooks");
        var one = await hooks.GetFromJsonAsync<JsonElement>($"/api/webhooks/{id}");
        Assert.Contains(id, list, StringComparison.Ordinal);
        Assert.DoesNotContain("whsec_", list, StringComparison.Ordinal);
        Assert.Equal(("https://hooks.example.com/in", "shop", true, "api"), (
            one.GetProperty("url").GetString(), one.GetProperty("description").GetString(), one.GetProperty("enabled").GetBoolean(), one.GetProperty("source").GetString()));

        Assert.Equal(HttpStatusCode.NoContent, (await hooks.DeleteAsync($"/api/webhooks/{id}")).StatusCode);
        await ProblemAssert.IsProblemAsync(await hooks.GetAsync($"/api/webhooks/{id}"), HttpStatusCode.NotFound, id);
    }

    [Fact]
    public async Task RotateSecret_GivesANewSecret_AndTheOldOneSignsBesideItFor24Hours()
    {
        using var hooks = Client(HooksKey);
        var created = await (await hooks.PostAsJsonAsync("/api/webhooks", new { url = "https://hooks.example.com/in", events = new[] { "*" } })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("endpoint").GetProperty("id").GetString();

        var rotated = await hooks.PostAsync($"/api/webhooks/{id}/rotate-secret", null);

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var body = await rotated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual(created.GetProperty("secret").GetString(), body.GetProperty("secret").GetString());
        var until = body.GetProperty("endpoint").GetProperty("previousSecretValidUntil").GetDateTimeOffset();
        Assert.InRange(until - DateTimeOffset.UtcNow, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24));
    }

    [Theory]
    [InlineData("http://hooks.example.com/in", "Webhooks:AllowHttp")]
    [InlineData("https://127.0.0.1/in", "Webhooks:AllowPrivateNetworks")]
    [InlineData("https://10.0.0.8/in", "Webhooks:AllowPrivateNetworks")]
    [InlineData("https://169.254.169.254/latest/meta-data", "Webhooks:AllowPrivateNetworks")]
    [InlineData("https://[::1]/in", "Webhooks:AllowPrivateNetworks")]
    [InlineData("https://[fd00::1]/in", "Webhooks:AllowPrivateNetworks")]
    public async Task Create_ToAnAddressTheRulesRefuse_Is422NamingTheSetting(string url, string setting)
    {
        using var hooks = Client(HooksKey);

        var response = await hooks.PostAsJsonAsync("/api/webhooks", new { url, events = new[] { "*" } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(setting, problem.GetProperty("errors").GetProperty("url")[0].GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(url, await hooks.GetStringAsync("/api/webhooks"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"url":"https://hooks.example.com/in","events":["*"],"secret":"mine"}""", "secret")]
    [InlineData("""{"url":"https://hooks.example.com/in","events":["message.sended"]}""", "events")]
    [InlineData("""{"url":"https://hooks.example.com/in","events":[]}""", "events")]
    [InlineData("""{"events":["*"]}""", "url")]
    [InlineData("""{"url":5,"events":["*"]}""", "url")]
    [InlineData("""[1]""", "body")]
    [InlineData("""{"url":""", "body")]
    [InlineData("""{"url":"https://hooks.example.com/in","url":"https://10.0.0.1/","events":["*"]}""", "body")]
    public async Task Create_WithABadBody_Is400NamingTheMember(string json, string member)
    {
        using var hooks = Client(HooksKey);

        var response = await hooks.PostAsync("/api/webhooks", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(member, out var errors), problem.ToString());
        if (member == "secret")
        {
            Assert.Contains("'secret' is not a member", errors[0].GetString(), StringComparison.Ordinal);
        }

        if (json.Contains("\"url\":\"https://10.0.0.1/\"", StringComparison.Ordinal))
        {
            Assert.Contains("given twice", errors[0].GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Scopes_WebhooksOrAdminMayManage_ReadMayNot()
    {
        using var admin = Client(AdminKey);
        using var reader = Client(ReaderKey);
        using var anonymous = Client(null);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/webhooks")).StatusCode);
        await ProblemAssert.IsProblemAsync(await reader.GetAsync("/api/webhooks"), HttpStatusCode.Forbidden, "'webhooks' scope");
        await ProblemAssert.IsProblemAsync(await anonymous.GetAsync("/api/webhooks"), HttpStatusCode.Unauthorized, "X-Api-Key");
    }

    [Fact]
    public async Task Deliveries_OfAnUnknownEndpointOrWithABadStatus_Are404And400()
    {
        using var hooks = Client(HooksKey);

        await ProblemAssert.IsProblemAsync(await hooks.GetAsync("/api/webhooks/wh_none/deliveries"), HttpStatusCode.NotFound, "wh_none");
        var bad = await hooks.GetAsync("/api/webhooks/wh_none/deliveries?status=lost");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        await ProblemAssert.IsProblemAsync(await hooks.PostAsync("/api/webhooks/wh_none/deliveries/evt_x/replay", null), HttpStatusCode.NotFound, "wh_none");
    }

    [Fact]
    public async Task OpenApiDocument_DeclaresEveryWebhookOperationWithItsStatusCodes()
    {
        var paths = (await _gateway.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");

        string[] Codes(string path, string verb) => [.. paths.GetProperty(path).GetProperty(verb).GetProperty("responses").EnumerateObject().Select(r => r.Name)];

        Assert.Equal(["201", "400", "401", "403", "413", "415", "422", "429", "507"], Codes("/api/webhooks", "post").Order());
        Assert.Contains("200", Codes("/api/webhooks", "get"));
        Assert.Contains("404", Codes("/api/webhooks/{id}", "get"));
        Assert.Contains("409", Codes("/api/webhooks/{id}", "delete"));
        Assert.Contains("409", Codes("/api/webhooks/{id}/rotate-secret", "post"));
        Assert.Contains("400", Codes("/api/webhooks/{id}/deliveries", "get"));
        Assert.Contains("202", Codes("/api/webhooks/{id}/deliveries/{eventId}/replay", "post"));
    }

    private HttpClient Client(string? key) => _gateway.ClientWithKey(key);
}
