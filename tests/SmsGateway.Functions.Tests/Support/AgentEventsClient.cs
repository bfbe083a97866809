using System.Globalization;
using SmsGateway.Core.Sending.Intake;
using SmsGateway.Functions.Agents;

namespace SmsGateway.Functions.Tests.Support;

/// <summary>Posts agent event batches as raw JSON, so the tests pin the wire shape, and builds the events.</summary>
internal sealed class AgentEventsClient(CloudHost host)
{
    public async Task<TestResponse> PostAsync(string? agentKey, params string[] events) =>
        await PostRawAsync(agentKey, $"{{\"version\": 1, \"events\": [{string.Join(", ", events)}]}}");

    public async Task<TestResponse> PostRawAsync(string? agentKey, string body)
    {
        var headers = agentKey is null ? [] : new[] { (AgentEventsFunction.AgentKeyHeader, agentKey) };
        var request = host.Request("POST", "/api/agent/events", body, "application/json", headers);
        var result = await host.Function<AgentEventsFunction>().RunAsync(request, CancellationToken.None);
        return await CloudHost.ExecuteAsync(request, result);
    }

    /// <summary>A message accepted by intake, as the functions would have stored and queued it.</summary>
    public async Task<string> NewMessageAsync()
    {
        var result = await host.Get<MessageIntake>().SubmitAsync(new SendMessageCommand(["+4915112345678"], "Hello"), CancellationToken.None);
        return Assert.IsType<IntakeResult.Accepted>(result).Message.Id;
    }

    public static string Status(string eventId, string messageId, string status, int attempts = 1, string extra = "") =>
        $"{{\"kind\": \"destination_status\", \"eventId\": \"{eventId}\", \"occurredAt\": \"2026-03-01T12:00:00Z\", " +
        $"\"messageId\": \"{messageId}\", \"destinationIndex\": 0, \"status\": \"{status}\", \"attempts\": {attempts}{extra}}}";

    public static string Heartbeat(string eventId, string agentId, DateTimeOffset at, bool connected = true, int queueDepth = 0) =>
        $"{{\"kind\": \"heartbeat\", \"eventId\": \"{eventId}\", \"occurredAt\": \"{at.ToString("O", CultureInfo.InvariantCulture)}\", \"agentId\": \"{agentId}\", " +
        $"\"modem\": {{\"connected\": {(connected ? "true" : "false")}, \"model\": \"SIM7600\", \"operator\": \"Telekom.de\", \"registered\": {(connected ? "true" : "false")}, \"signalDbm\": -71}}, " +
        $"\"queueDepth\": {queueDepth}, \"deadLettered\": 0}}";

    public static string Inbound(string eventId, string inboundId) =>
        $"{{\"kind\": \"inbound_sms\", \"eventId\": \"{eventId}\", \"occurredAt\": \"2026-03-01T12:00:00Z\", \"message\": " +
        $"{{\"id\": \"{inboundId}\", \"sender\": \"+4915199999999\", \"sentAt\": \"2026-03-01T11:59:58+01:00\", \"receivedAt\": \"2026-03-01T12:00:00Z\", " +
        "\"text\": \"Reply from the field\", \"parts\": 1, \"missingParts\": []}}";
}
