using System.Net.Http.Json;
using System.Text.Json;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Testing;

namespace SmsGateway.Agent.Tests.Outbound;

public sealed class RestartTests
{
    [Fact]
    public async Task Restart_KeepsRecordsAndQueuedWork_AndSendsItAfterwards()
    {
        var ids = new List<string>();
        string dataPath;
        var stalled = new ScriptedModem { Gate = new TaskCompletionSource() };
        await using (var first = await GatewayInstance.StartAsync(stalled))
        {
            dataPath = first.DataPath;
            for (var i = 0; i < 5; i++)
            {
                var response = await first.SendAsync(new { to = new[] { "+4915112345678" }, text = $"survivor {i}" });
                ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
            }
        }

        var modem = new ScriptedModem();
        await using var second = await GatewayInstance.StartAsync(modem, dataPath: dataPath);
        foreach (var id in ids)
        {
            await second.WaitForAsync(id, m => m.GetProperty("status").GetString() == "sent");
        }

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"survivor {i}"), modem.Sent.Select(s => s.Text).Order());
    }
}
