using SmsGateway.Agent.Tests.Support;
using SmsGateway.Testing;

namespace SmsGateway.Agent.Tests.Outbound;

/// <summary>
/// A stop (SIGTERM, a service restart) while an SMS is on the air: the send gets <c>Outbound:StopGrace</c> to
/// finish, so its outcome is recorded and the restart neither resends it nor calls it unknown.
/// </summary>
public sealed class GracefulStopTests
{
    [Theory]
    [InlineData("resend")]
    [InlineData("unknown")]
    public async Task AStopDuringASend_LetsItFinish_AndTheRestartDoesNotSendItAgain(string afterCrash)
    {
        var slow = new ScriptedModem { Gate = new TaskCompletionSource() };
        var settings = new Dictionary<string, string?> { ["Outbound:StopGrace"] = "00:00:30", ["Outbound:AfterCrash"] = afterCrash };
        string id, dataPath;
        var first = await GatewayInstance.StartAsync(slow, settings);
        try
        {
            dataPath = first.DataPath;
            id = await first.SendTextAsync("on the air when the stop came");
            await first.WaitForAsync(id, m => m.GetProperty("destinations")[0].GetProperty("status").GetString() == "sending");

            var stopping = first.DisposeAsync().AsTask();
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            Assert.False(stopping.IsCompleted, "the stop did not wait for the send on the air");
            slow.Gate.SetResult();
            await stopping.WaitAsync(TimeSpan.FromSeconds(20));
        }
        finally
        {
            slow.Gate.TrySetResult();
        }

        Assert.Single(slow.Sent);
        var modem = new ScriptedModem();
        await using var second = await GatewayInstance.StartAsync(modem, settings, dataPath);

        var message = await second.GetMessageAsync(id);
        Assert.Equal("sent", message.GetProperty("status").GetString());
        Assert.Equal(1, message.GetProperty("destinations")[0].GetProperty("attempts").GetInt32());
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(modem.Sent);
    }
}
