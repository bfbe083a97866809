using System.Text.Json;
using SmsGateway.Agent.DeadLetters;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Core.Modem;
using SmsGateway.Testing;

namespace SmsGateway.Agent.Tests.DeadLetters;

/// <summary>
/// <c>deadletters list|replay</c> as its own process against the SQLite file of a stopped gateway; the
/// replayed item is sent when the gateway starts again.
/// </summary>
public sealed class DeadLetterCommandTests
{
    [Fact]
    public async Task ListAndReplay_OnTheDatabaseOfAStoppedGateway_ReplayedItemIsSentAtNextStart()
    {
        string dataPath;
        string failedId;
        string keptId;
        await using (var first = await GatewayInstance.StartAsync(new ScriptedModem { AlwaysFail = new SmsSendException(SendFailureKind.Permanent, "rejected", 21) }))
        {
            dataPath = first.DataPath;
            failedId = await first.SendTextAsync("replay me");
            keptId = await first.SendTextAsync("leave me");
            await first.WaitForAsync(failedId, m => m.GetProperty("status").GetString() == "failed");
            await first.WaitForAsync(keptId, m => m.GetProperty("status").GetString() == "failed");
            Assert.Equal(2, (await first.WaitForDeadLettersAsync(2)).Count);
        }

        var storage = $"--Storage:Path={dataPath}";
        var table = await AgentProcess.RunCommandAsync(["deadletters", "list", storage], TimeSpan.FromMinutes(1));
        var json = await AgentProcess.RunCommandAsync(["deadletters", "list", "--json", storage], TimeSpan.FromMinutes(1));
        var replay = await AgentProcess.RunCommandAsync(["deadletters", "replay", failedId, storage], TimeSpan.FromMinutes(1));
        var missing = await AgentProcess.RunCommandAsync(["deadletters", "replay", "no-such-message", storage], TimeSpan.FromMinutes(1));

        Assert.Equal(DeadLetterCommands.Success, table.ExitCode);
        Assert.Equal(3, table.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("PermanentError", table.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("+4915112345678", table.Output, StringComparison.Ordinal);

        Assert.Equal(DeadLetterCommands.Success, json.ExitCode);
        var items = JsonDocument.Parse(json.Output).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(new[] { failedId, keptId }.Order(), items.Select(i => i.GetProperty("messageId").GetString()!).Order());
        Assert.All(items, i => Assert.Equal(("PermanentError", 1, "+4915112345678"), (i.GetProperty("reason").GetString(), i.GetProperty("attempts").GetInt32(), i.GetProperty("to").GetString())));

        Assert.Equal(DeadLetterCommands.Success, replay.ExitCode);
        var replayed = JsonDocument.Parse(replay.Output).RootElement;
        Assert.Equal($"{failedId}.0", Assert.Single(replayed.GetProperty("replayed").EnumerateArray()).GetString());
        Assert.Empty(replayed.GetProperty("notFound").EnumerateArray());

        Assert.Equal(DeadLetterCommands.NotFound, missing.ExitCode);
        Assert.Equal("no-such-message", JsonDocument.Parse(missing.Output).RootElement.GetProperty("notFound")[0].GetString());

        var modem = new ScriptedModem();
        await using var second = await GatewayInstance.StartAsync(modem, dataPath: dataPath);
        await second.WaitForAsync(failedId, m => m.GetProperty("status").GetString() == "sent");
        Assert.Equal("replay me", Assert.Single(modem.Sent).Text);
        Assert.Equal("failed", (await second.GetMessageAsync(keptId)).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("deadletters")]
    [InlineData("deadletters replay")]
    [InlineData("deadletters list --limit")]
    [InlineData("deadletters purge")]
    public async Task BadUsage_ExitsWith64AndPrintsTheUsage(string command)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await DeadLetterCommands.RunAsync(command.Split(' '), output, error);

        Assert.Equal(DeadLetterCommands.UsageError, exit);
        Assert.Contains("usage:", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }

    [Fact]
    public async Task BadSetting_ExitsWith2AndOneLineNamingIt()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await DeadLetterCommands.RunAsync(["deadletters", "list", "--Storage:QueueCapacity=-1"], output, error);

        Assert.Equal(DeadLetterCommands.ConfigurationError, exit);
        Assert.Contains("Storage:QueueCapacity", Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }
}
