using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using SmsGateway.Telegram.Formatting;
using SmsGateway.Testing;
using SmsGateway.Testing.Telegram;
using Xunit.Abstractions;

namespace SmsGateway.Agent.Tests.Faults;

/// <summary>
/// Fault scenario 7, the inbound side: SMS pour in for half a minute while Telegram is down. The agent runs as
/// its own process (its memory measured alone) with the simulator as modem and the Telegram bridge pointed at a
/// fake Bot API that answers 502 to everything. The SIM, the inbound store and the Telegram outbox are the
/// bounded stages; this checks each holds, nothing the SIM took is lost, and memory stays flat.
/// </summary>
public sealed class InboundOverloadFaultTests(ITestOutputHelper output)
{
    private const string Key = "inbound-overload-key";
    private const long Chat = 4242;
    private const int OutboxCapacity = 100;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task InboundFloodDuringATelegramOutage_KeepsEverySmsTheSimTook_TheOutboxBounded_AndMemoryFlat()
    {
        await using var telegram = await FakeBotApiServer.StartAsync();
        telegram.Down = true;
        var folder = Directory.CreateTempSubdirectory("smsgw-inbound-overload-").FullName;
        await using var agent = AgentProcess.Start(
        [
            $"--Storage:Path={Path.Combine(folder, "data")}",
            $"--Api:Keys:0={Key}",
            $"--Telegram:BotToken={FakeBotApiServer.Token}",
            $"--Telegram:ApiBaseUrl={telegram.BaseUrl}",
            $"--Telegram:ChatIds:0={Chat}",
            $"--Telegram:OutboxCapacity={OutboxCapacity}",
            "--Telegram:PollingTimeoutSeconds=1",
            "--Telegram:PerChatInterval=00:00:00",
            "--Telegram:RetryBaseDelay=00:00:00.200",
            "--Telegram:RetryMaxDelay=00:00:01",
            "--Api:RateLimit:PermitsPerSecond=100000",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await agent.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        using var client = agent.CreateClient(Key);

        var taken = new List<string>();
        var simFull = 0;
        long memoryAfterWarmUp = 0, memoryPeak = 0;
        var clock = Stopwatch.StartNew();
        var sequence = 0;

        // Well over a hundred SMS a second offered; a real network delivers a few a second to one SIM.
        while (clock.Elapsed < Duration)
        {
            var batch = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
            {
                var text = $"flood {Interlocked.Increment(ref sequence)}";
                var response = await client.PostAsJsonAsync("/api/simulator/inbound", new { from = "+4915112345678", text });
                var parts = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parts").GetInt32();
                return (text, parts);
            }));
            foreach (var (text, parts) in batch)
            {
                if (parts > 0)
                {
                    taken.Add(text);
                }
                else
                {
                    simFull++;
                }
            }

            var resident = agent.ResidentBytes();
            memoryPeak = Math.Max(memoryPeak, resident);
            if (memoryAfterWarmUp == 0 && clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                memoryAfterWarmUp = resident;
            }

            await Task.Delay(50);
        }

        var memoryAtEnd = agent.ResidentBytes();
        var stored = await WaitForInboundAsync(client, taken.Count);
        var dropped = await WaitForMetricAsync(client, "smsgateway_telegram_posts_dropped_total", taken.Count - OutboxCapacity);
        output.WriteLine(
            $"offered {sequence}, taken by the SIM {taken.Count}, SIM full {simFull}, in /api/inbound {stored.Count}, Telegram posts dropped {dropped}; " +
            $"agent RSS {memoryAfterWarmUp / 1_048_576} MB after 10 s, {memoryAtEnd / 1_048_576} MB at {Duration.TotalSeconds} s, peak {memoryPeak / 1_048_576} MB");

        Assert.True(taken.Count > 2 * OutboxCapacity, $"only {taken.Count} SMS arrived: the outbox never filled");
        Assert.Empty(taken.Except(stored));
        Assert.True(memoryAtEnd - memoryAfterWarmUp < 48 * 1_048_576, $"memory grew from {memoryAfterWarmUp} to {memoryAtEnd}");

        // The outbox kept exactly its capacity: the first forwards, no more.
        Assert.Equal(taken.Count - OutboxCapacity, dropped);
        telegram.Down = false;
        await telegram.WaitForAsync(calls => calls.Count(c => c.Method == "sendMessage" && c.Succeeded) >= OutboxCapacity, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var forwarded = telegram.SentTexts(Chat).Select(text => text.Split("\n\n")[^1]).ToList();
        Assert.Equal(OutboxCapacity, forwarded.Distinct().Count());
        Assert.Subset(taken.ToHashSet(), forwarded.ToHashSet());

        // The next SMS finds room, and the chat learns how many forwards it missed.
        await client.PostAsJsonAsync("/api/simulator/inbound", new { from = "+4915112345678", text = "after the outage" });
        await telegram.WaitForAsync(calls => calls.Count(c => c.Method == "sendMessage" && c.Succeeded) >= OutboxCapacity + 2, TimeSpan.FromSeconds(30));
        Assert.Equal(BotTexts.Dropped(taken.Count - OutboxCapacity), telegram.SentTexts(Chat)[OutboxCapacity]);
        Assert.EndsWith("after the outage", telegram.SentTexts(Chat)[OutboxCapacity + 1], StringComparison.Ordinal);
    }

    // Waits until the inbound store holds at least `count` messages (the agent may still be reading the SIM), then lists their texts.
    private static async Task<IReadOnlyList<string>> WaitForInboundAsync(HttpClient client, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var texts = new List<string>();
            string? next = null;
            do
            {
                var page = await client.GetFromJsonAsync<JsonElement>("/api/inbound?limit=100" + (next is null ? string.Empty : "&before=" + next));
                texts.AddRange(page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("text").GetString()!));
                next = page.GetProperty("next").GetString();
            }
            while (next is not null);

            if (texts.Count >= count || DateTime.UtcNow > deadline)
            {
                return texts;
            }

            await Task.Delay(500);
        }
    }

    // The last stored SMS may still be on its way through the listeners: waits (a little) for the expected value.
    private static async Task<long> WaitForMetricAsync(HttpClient client, string metric, long expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var exposition = await client.GetStringAsync("/metrics");
            var value = (long)exposition.Split('\n')
                .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal))
                .Sum(line => double.Parse(line.Split(' ')[^1], CultureInfo.InvariantCulture));
            if (value >= expected || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(250);
        }
    }
}
