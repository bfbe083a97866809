using System.Diagnostics;
using SmsGateway.Testing;

namespace SmsGateway.Agent.Tests.Cloud;

/// <summary>
/// The second half of the cloud's one trace: an SMS published with the intake's trace context (as the intake
/// function publishes it: <c>IntakeTraceTests</c> in the Functions tests) is sent in a span of that trace.
/// </summary>
public sealed class CloudTraceTests : CloudAgentTest
{
    [Fact]
    public async Task TheAgentsSendSpan_CarriesTheTraceIdOfTheIntakeThatPublished()
    {
        using var spans = new SpanRecorder();
        await using var agent = await StartAgentAsync();
        await agent.WaitForHealthyAsync();
        var intake = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        var sms = CloudAgentInstance.Sms("traced through Service Bus") with { TraceParent = $"00-{intake.TraceId}-{intake.SpanId}-01" };

        await CloudAgentInstance.PublishAsync(Bus, sms);

        Activity? send = null;
        await Eventually.WaitUntilAsync(
            () => (send = spans.Find("sms.send", sms.MessageId)) is not null,
            "the agent's send span");
        Assert.Equal(intake.TraceId, send?.TraceId);
        Assert.Equal(intake.SpanId, send?.ParentSpanId);
    }
}
