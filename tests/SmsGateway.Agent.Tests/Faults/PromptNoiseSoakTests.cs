using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace SmsGateway.Agent.Tests.Faults;

/// <summary>
/// Soak: 1,000 messages in the default configuration (delivery reports on) through the real AT driver and a
/// simulated modem that puts an unsolicited line right after every send prompt and emits random Huawei
/// <c>^RSSI</c>/<c>^BOOT</c> noise. Counted from the simulator's air log: nothing lost, nothing transmitted
/// twice, and no send waited for a timeout (every destination went out on its first attempt).
/// </summary>
public sealed class PromptNoiseSoakTests(ITestOutputHelper output)
{
    private const int Messages = 1000;

    // One in five is two parts long, so prompts also come between the parts of one SMS.
    private static readonly string TwoParts = string.Concat(Enumerable.Repeat("Two parts, one prompt each. ", 7));

    [Theory]
    [InlineData("+CDSI: \"SM\",3")]
    [InlineData("^RSSI: 17")]
    public async Task ThousandMessages_LineAfterEveryPromptAndNoise_NoneLostNoneDoubledNoTimeout(string lineAfterPrompt)
    {
        await using var gateway = await SimulatorGateway.StartAsync(new Dictionary<string, string?>
        {
            ["Modem:Simulator:LineAfterPrompt"] = lineAfterPrompt,
            ["Modem:Simulator:VendorUrcs"] = "true",
            ["Modem:Simulator:VendorUrcIntervalMs"] = "40",
        });
        var client = gateway.Gateway.Client;
        var texts = Enumerable.Range(0, Messages).Select(i => i % 5 == 0 ? $"{i} {TwoParts}" : $"soak {i}").ToList();
        var ids = new List<string>();
        foreach (var chunk in texts.Select((text, i) => (text, i)).Chunk(25))
        {
            var responses = await Task.WhenAll(chunk.Select(m => client.PostAsJsonAsync("/api/messages", new { to = new[] { $"+491511234{m.i % 100:D4}" }, m.text })));
            foreach (var response in responses)
            {
                response.EnsureSuccessStatusCode();
                ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
            }
        }

        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (await gateway.Gateway.QueueDepthAsync() > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the queue did not drain");
            await Task.Delay(100);
        }

        var air = gateway.TransmissionsByText();
        var lost = texts.Count(t => !air.ContainsKey(FirstPartText(t)));
        var doubled = air.Values.Count(n => n > 1);
        var retried = 0;
        foreach (var id in ids)
        {
            var destination = (await gateway.Gateway.GetMessageAsync(id)).GetProperty("destinations")[0];
            retried += destination.GetProperty("attempts").GetInt32() > 1 ? 1 : 0;
        }

        output.WriteLine($"line after prompt {lineAfterPrompt}: messages {Messages}, parts on the air {air.Values.Sum()}, lost {lost}, transmitted twice {doubled}, retried {retried}");
        Assert.Equal(0, lost);
        Assert.Equal(0, doubled);
        Assert.Equal(0, retried);
    }

    // The air log keeps the text of each part; the first part of a two-part message is its first 153 characters.
    private static string FirstPartText(string text) => text.Length <= 160 ? text : text[..153];
}
