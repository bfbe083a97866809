using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging;
using SmsGateway.Agent.Hosting;
using SmsGateway.Core.Modem;
using SmsGateway.Testing;

namespace SmsGateway.Agent.Tests.Security;

public sealed class LogLeakTests
{
    private const string ApiKey = "log-test-key-5b1e0c7d9a";
    private const string Number = "+4915112345678";
    private const string Text = "Your one-time code is 739215";

    [Fact]
    public async Task SendThroughTheGateway_LogsNeitherTheNumberNorTheTextNorTheKey()
    {
        var capture = new LogCollector(LogLevel.Information);
        var modem = new ScriptedModem();
        var data = Directory.CreateTempSubdirectory("smsgw-logs-").FullName;
        await using var app = GatewayApp.Build(
            [
                "--urls=http://127.0.0.1:0",
                $"--Storage:Path={data}",
                $"--Api:Keys:0={ApiKey}",
                "--Logging:LogLevel:Default=Information",
                "--Sms:PerDestinationPerHour=1",
            ],
            builder =>
            {
                builder.Services.AddSingleton<ISmsModem>(modem);
                builder.Logging.AddProvider(capture);
            });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);

        var response = await client.PostAsJsonAsync("/api/messages", new { to = new[] { Number }, text = Text });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        await Eventually.WaitUntilAsync(async () => (await client.GetFromJsonAsync<JsonElement>($"/api/messages/{id}")).GetProperty("status").GetString() == "sent", TimeSpan.FromSeconds(15));

        // The paths that log about a number: the per-number limit, and a refused key.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsJsonAsync("/api/messages", new { to = new[] { Number }, text = Text })).StatusCode);
        using var wrongKey = new HttpClient { BaseAddress = new Uri(address) };
        wrongKey.DefaultRequestHeaders.Add("X-Api-Key", ApiKey + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongKey.PostAsJsonAsync("/api/messages", new { to = new[] { Number }, text = Text })).StatusCode);
        await app.StopAsync();

        var entries = capture.Lines;
        Assert.Contains(entries, e => e.Contains("Sent message", StringComparison.Ordinal) && e.Contains("+49151****678", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Contains("+49151****678", StringComparison.Ordinal) && e.Contains("in the last hour", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Contains(Number, StringComparison.Ordinal) || e.Contains("15112345678", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Contains("739215", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Contains(ApiKey, StringComparison.Ordinal));
    }

}
