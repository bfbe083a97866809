using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmsGateway.Testing;
using Xunit.Abstractions;

namespace SmsGateway.Agent.Tests.Faults;

/// <summary>
/// Fault scenario 7: a minute of intake at several times the modem's rate. The agent runs as its
/// own process so that its resident memory is measured alone.
/// </summary>
public sealed class OverloadFaultTests(ITestOutputHelper output)
{
    private const string Key = "overload-key";
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task IntakeAtFiveTimesTheModemRate_Answers503WithRetryAfter_MemoryStaysFlat_EveryAcceptedMessageIsSent()
    {
        var folder = Directory.CreateTempSubdirectory("smsgw-overload-").FullName;
        await using var agent = AgentProcess.Start(
        [
            $"--Storage:Path={Path.Combine(folder, "data")}",
            $"--Api:Keys:0={Key}",
            "--Storage:QueueCapacity=100",
            "--Modem:Simulator:SendDelayMs=100",
            "--Modem:Simulator:DeliveryReports=None",
            "--Sms:PerDestinationPerHour=0",
            "--Api:RateLimit:PermitsPerSecond=100000",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await agent.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        using var client = new HttpClient { BaseAddress = agent.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);

        var accepted = new List<string>();
        int refused = 0, refusedWithoutRetryAfter = 0, other = 0;
        long memoryAfterWarmUp = 0, memoryPeak = 0;
        var clock = Stopwatch.StartNew();
        var sequence = 0;

        // About 40 requests a second against a modem that sends fewer than 10.
        while (clock.Elapsed < Duration)
        {
            var batch = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
                client.PostAsJsonAsync("/api/messages", new { to = new[] { "+4915112345678" }, text = $"load {Interlocked.Increment(ref sequence)}" })));
            foreach (var response in batch)
            {
                switch (response.StatusCode)
                {
                    case HttpStatusCode.Accepted:
                        accepted.Add(response.Headers.Location!.OriginalString.Split('/').Last());
                        break;
                    case HttpStatusCode.ServiceUnavailable:
                        refused++;
                        refusedWithoutRetryAfter += response.Headers.RetryAfter is null ? 1 : 0;
                        break;
                    default:
                        other++;
                        break;
                }
            }

            var resident = agent.ResidentBytes();
            memoryPeak = Math.Max(memoryPeak, resident);
            if (memoryAfterWarmUp == 0 && clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                memoryAfterWarmUp = resident;
            }

            await Task.Delay(100);
        }

        var memoryAtEnd = agent.ResidentBytes();
        output.WriteLine($"requests {sequence}, accepted {accepted.Count}, 503 {refused}, other {other}; agent RSS {memoryAfterWarmUp / 1_048_576} MB after 10 s, {memoryAtEnd / 1_048_576} MB at 60 s, peak {memoryPeak / 1_048_576} MB");
        Assert.True(refused > 0, "the queue never filled: the load was not an overload");
        Assert.Equal(0, refusedWithoutRetryAfter);
        Assert.Equal(0, other);

        // Flat: a bounded queue keeps memory bounded; allow for GC timing noise.
        Assert.True(memoryAtEnd - memoryAfterWarmUp < 48 * 1_048_576, $"memory grew from {memoryAfterWarmUp} to {memoryAtEnd}");

        var deadline = DateTime.UtcNow.AddMinutes(2);
        foreach (var id in accepted)
        {
            while ((await client.GetFromJsonAsync<JsonElement>($"/api/messages/{id}")).GetProperty("status").GetString() != "sent")
            {
                Assert.True(DateTime.UtcNow < deadline, $"message {id} was accepted but not sent");
                await Task.Delay(100);
            }
        }
    }
}
