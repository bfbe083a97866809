using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmsGateway.Testing;

namespace SmsGateway.Agent.Tests.Processes;

/// <summary>
/// The per-number hourly limit and the per-key daily cap are counted in memory and rebuilt from the stored messages:
/// after <c>kill -9</c> nothing counted is lost (no fresh allowance) and nothing is counted twice (a retry of an
/// accepted request is replayed, at either limit).
/// </summary>
public sealed class LimitsAfterKillTests
{
    private const string Key = "limits-kill-key";
    private const string NumberA = "+4915112345001";

    [Fact]
    public async Task Kill9_TheCountsOfBothLimitsSurvive_AndARetryIsStillReplayed()
    {
        var settings = Settings("--Sms:PerDestinationPerHour=2", "--Api:DailyCap=4");

        string firstId;
        var port = AgentProcess.FreePort();
        await using (var first = AgentProcess.Start(settings, port))
        {
            await first.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            using var client = first.CreateClient(Key);
            firstId = await AcceptedIdAsync(await SendAsync(client, NumberA, "one", "key-1"));
            Assert.Equal(firstId, await AcceptedIdAsync(await SendAsync(client, NumberA, "one", "key-1")));
            await AcceptedIdAsync(await SendAsync(client, NumberA, "two", "key-2"));
            Assert.Equal(HttpStatusCode.TooManyRequests, (await SendAsync(client, NumberA, "three", "key-3")).StatusCode);
            await AcceptedIdAsync(await SendAsync(client, "+4915112345002", "four", "key-4"));
            await AcceptedIdAsync(await SendAsync(client, "+4915112345003", "five", "key-5"));
            first.KillHard();
        }

        await using var second = AgentProcess.Start(settings, port);
        await second.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        using var restarted = second.CreateClient(Key);

        // Four SMS were accepted today (the replay was not counted): the cap is reached, for every number.
        var capped = await SendAsync(restarted, "+4915112345004", "six", "key-6");
        Assert.Equal(HttpStatusCode.TooManyRequests, capped.StatusCode);
        Assert.Contains("daily cap", await capped.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The retry of the first request asks for nothing new: replayed, at both limits.
        Assert.Equal(firstId, await AcceptedIdAsync(await SendAsync(restarted, NumberA, "one", "key-1")));
    }

    [Fact]
    public async Task Kill9_TheHourlyCountOfANumberSurvives_AndCountsEachStoredRequestOnce()
    {
        var settings = Settings("--Sms:PerDestinationPerHour=3");

        var port = AgentProcess.FreePort();
        await using (var first = AgentProcess.Start(settings, port))
        {
            await first.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            using var client = first.CreateClient(Key);
            await AcceptedIdAsync(await SendAsync(client, NumberA, "one", "key-1"));
            for (var i = 0; i < 5; i++)
            {
                await AcceptedIdAsync(await SendAsync(client, NumberA, "one", "key-1"));
            }

            await AcceptedIdAsync(await SendAsync(client, NumberA, "two", "key-2"));
            first.KillHard();
        }

        await using var second = AgentProcess.Start(settings, port);
        await second.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        using var restarted = second.CreateClient(Key);

        // Two of three used before the kill (the five retries cost nothing): one more fits, then the number waits.
        await AcceptedIdAsync(await SendAsync(restarted, NumberA, "three", "key-3"));
        var refused = await SendAsync(restarted, NumberA, "four", "key-4");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.FromMinutes(50));
    }

    private static string[] Settings(params string[] limits)
    {
        var folder = Directory.CreateTempSubdirectory("smsgw-limits-").FullName;
        return
        [
            $"--Storage:Path={Path.Combine(folder, "data")}",
            $"--Api:Keys:0={Key}",
            "--Sms:AllowedCountryCodes:0=49",
            "--Logging:LogLevel:Default=Warning",
            .. limits,
        ];
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string to, string text, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(new { to = new[] { to }, text }) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static async Task<string> AcceptedIdAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString() ?? throw new InvalidOperationException("no id");
    }
}
