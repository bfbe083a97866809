using SmsGateway.Agent.Tests.Faults;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Core.Sending.Queue;

namespace SmsGateway.Agent.Tests.Outbound;

/// <summary>
/// A multipart SMS that fails part-way through the real AT driver and the simulator: the retry sends only the
/// parts the modem did not confirm, with the same concatenation reference, so the phone joins them and never
/// gets a confirmed part twice. The simulator's air log is the ground truth.
/// </summary>
public sealed class MultipartResumeTests
{
    // Three GSM-7 parts (153 characters each at most).
    private static readonly string ThreeParts = string.Concat(Enumerable.Repeat("Resume me after a failure, please. ", 12));

    [Fact]
    public async Task SecondPartRefused_RetryResumesAtPartTwo_EachPartOnTheAirOnce_AndTheMessageIsDelivered()
    {
        await using var gateway = await SimulatorGateway.StartAsync(Settings());
        gateway.Simulator.FailNextSends(42, 1, afterParts: 1);

        var id = await gateway.Gateway.SendTextAsync(ThreeParts);

        var message = await gateway.Gateway.WaitForAsync(id, m => m.GetProperty("status").GetString() == "delivered");
        var air = Air(gateway);
        Assert.Equal([1, 2, 3], air.Select(e => e.Part));
        Assert.Single(air.Select(e => e.Reference).Distinct());
        Assert.Equal(2, message.GetProperty("destinations")[0].GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task SecondPartUnanswered_AtLeastOnce_SendsPartTwoAgainButNeverPartOne()
    {
        await using var gateway = await SimulatorGateway.StartAsync(Settings("resend"));
        gateway.Simulator.LoseNextAnswers(1, afterParts: 1);

        var id = await gateway.Gateway.SendTextAsync(ThreeParts);

        await gateway.Gateway.WaitForAsync(id, m => m.GetProperty("status").GetString() is "sent" or "delivered", TimeSpan.FromSeconds(60));
        var air = Air(gateway);
        Assert.Equal([1, 2, 2, 3], air.Select(e => e.Part));
        Assert.Single(air.Select(e => e.Reference).Distinct());
    }

    [Fact]
    public async Task SecondPartUnanswered_AtMostOnce_IsUnknownWithPartOneSent_AndAReplaySendsOnlyTheRest()
    {
        await using var gateway = await SimulatorGateway.StartAsync(Settings("unknown"));
        gateway.Simulator.LoseNextAnswers(1, afterParts: 1);

        var id = await gateway.Gateway.SendTextAsync(ThreeParts);

        var message = await gateway.Gateway.WaitForAsync(id, m => m.GetProperty("status").GetString() == "unknown", TimeSpan.FromSeconds(60));
        Assert.Contains("may have left", message.GetProperty("destinations")[0].GetProperty("error").GetString(), StringComparison.Ordinal);
        var letter = Assert.Single(await gateway.Gateway.WaitForDeadLettersAsync(1));
        Assert.Equal(DeadLetterReasons.UnknownOutcome, letter.GetProperty("reason").GetString());
        Assert.Equal([1, 2], Air(gateway).Select(e => e.Part));

        var replay = await gateway.Gateway.Client.PostAsync($"/api/deadletters/{letter.GetProperty("itemId").GetString()}/replay", null);
        replay.EnsureSuccessStatusCode();

        await gateway.Gateway.WaitForAsync(id, m => m.GetProperty("status").GetString() is "sent" or "delivered");
        var air = Air(gateway);
        Assert.Equal([1, 2, 2, 3], air.Select(e => e.Part));
        Assert.Single(air.Select(e => e.Reference).Distinct());
    }

    private static List<AirLog.Entry> Air(SimulatorGateway gateway) => [.. AirLog.Read(gateway.AirLogPath).OrderBy(e => e.Part)];

    private static Dictionary<string, string?> Settings(string afterCrash = "resend") => new()
    {
        ["Outbound:AfterCrash"] = afterCrash,
        ["Outbound:RetryBaseDelay"] = "00:00:00.050",
        ["Outbound:RetryMaxDelay"] = "00:00:00.100",
        ["Modem:SendTimeout"] = "00:00:05",
    };
}
