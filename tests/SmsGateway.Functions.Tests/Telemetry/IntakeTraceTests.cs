using System.Diagnostics;
using System.Text.Json;
using SmsGateway.Azure.ServiceBus;
using SmsGateway.Functions.Messages;
using SmsGateway.Functions.Tests.Support;
using SmsGateway.Testing;
using SmsGateway.Testing.Azurite;

namespace SmsGateway.Functions.Tests.Telemetry;

/// <summary>
/// The first half of the cloud's one trace: the intake function's span is carried on the Service Bus message as a
/// W3C <c>traceparent</c> application property (the agent's half: <c>CloudTraceTests</c> in the agent's tests).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class IntakeTraceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Send_CarriesTheIntakeSpanAsTraceparent_OnTheServiceBusMessage()
    {
        using var spans = new SpanRecorder();
        await using var host = await CloudHost.StartAsync(azurite);

        var request = host.Request("POST", "/api/messages", "{\"to\": [\"+4915112345678\"], \"text\": \"traced\"}");
        var response = await CloudHost.ExecuteAsync(request, await host.Function<MessageFunctions>().SendAsync(request, CancellationToken.None));
        var id = JsonDocument.Parse(response.Body).RootElement.GetProperty("id").GetString();

        var queued = Assert.Single(await host.Bus.PeekAsync(new ServiceBusSource("sms"), 0, 10, CancellationToken.None));
        var traceParent = Assert.IsType<string>(queued.ApplicationProperties[ServiceBusProperties.TraceParent]);
        Assert.True(ActivityContext.TryParse(traceParent, null, out var carried));
        var intake = Assert.Single(spans.Stopped, a => a.OperationName == "sms.intake" && Equals(a.GetTagItem("sms.message_id"), id));
        Assert.Equal(intake.TraceId, carried.TraceId);
        var publish = Assert.Single(spans.Stopped, a => a.OperationName == "sms.publish" && a.ParentSpanId == intake.SpanId);
        Assert.Equal(publish.SpanId, carried.SpanId);
    }
}
