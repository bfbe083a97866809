using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Testing;

namespace SmsGateway.Agent.Tests.Telemetry;

public sealed class TraceTests
{
    [Fact]
    public async Task Send_ContinuesTheTraceOfTheRequestThatQueuedIt_ThroughTheQueue()
    {
        using var spans = new SpanRecorder();
        await using var gateway = await GatewayInstance.StartAsync(new ScriptedModem());

        var response = await gateway.SendAsync(new { to = new[] { "+4915112345678" }, text = "traced" });
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await gateway.WaitForAsync(id, m => m.GetProperty("status").GetString() == "sent");

        // Other tests run at the same time: find this message's spans by its id.
        Activity? send = null;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while ((send = spans.Find("sms.send", id)) is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        var intake = Assert.Single(spans.Stopped, a => a.OperationName == "sms.intake" && Equals(a.GetTagItem("sms.message_id"), id));
        Assert.NotNull(send);
        Assert.Equal(intake.TraceId, send.TraceId);
        var publish = Assert.Single(spans.Stopped, a => a.OperationName == "sms.publish" && a.ParentSpanId == intake.SpanId);
        Assert.Equal(publish.SpanId, send.ParentSpanId);
        Assert.Equal(ActivityKind.Consumer, send.Kind);
    }
}
