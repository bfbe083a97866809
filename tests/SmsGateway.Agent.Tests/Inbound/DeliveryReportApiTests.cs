using System.Net.Http.Json;
using System.Text.Json;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Core.Modem;
using SmsGateway.Core.Sending.Records;
using SmsGateway.Testing;

namespace SmsGateway.Agent.Tests.Inbound;

public sealed class DeliveryReportApiTests : IAsyncLifetime
{
    private const string To = "+4915112345678";
    private GatewayInstance _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayInstance.StartAsync(new ScriptedModem());

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    private async Task<(string Id, int Reference)> SendAndWaitForSentAsync(string text)
    {
        var response = await _gateway.SendAsync(new { to = new[] { To }, text });
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await _gateway.WaitForAsync(id, m => m.GetProperty("status").GetString() == "sent");
        var stored = await _gateway.Services.GetRequiredService<IMessageStore>().GetAsync(id, CancellationToken.None);
        return (id, Assert.Single(stored!.Message.Destinations[0].PartReferences));
    }

    private Task ReportAsync(int reference, int status) =>
        _gateway.Services.GetRequiredService<IDeliveryReportSink>().ApplyDeliveryReportAsync(
            new DeliveryReport(To, reference, status < 0x20, status is < 0x20 or >= 0x40, status, DateTimeOffset.UtcNow),
            CancellationToken.None);

    [Fact]
    public async Task DeliveryReport_ForASentMessage_ShowsDeliveredWithDeliveredAt()
    {
        var (id, reference) = await SendAndWaitForSentAsync("Hello");

        await ReportAsync(reference, 0x00);

        var message = await _gateway.GetMessageAsync(id);
        var destination = message.GetProperty("destinations")[0];
        Assert.Equal("delivered", message.GetProperty("status").GetString());
        Assert.Equal("delivered", destination.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, destination.GetProperty("deliveredAt").ValueKind);
    }

    [Fact]
    public async Task DeliveryReport_FinalFailure_ShowsUndeliveredWithTheReason()
    {
        var (id, reference) = await SendAndWaitForSentAsync("Hello");

        await ReportAsync(reference, 0x41);

        var destination = (await _gateway.GetMessageAsync(id)).GetProperty("destinations")[0];
        Assert.Equal("undelivered", destination.GetProperty("status").GetString());
        Assert.Equal("undelivered: TP-ST 0x41 incompatible destination", destination.GetProperty("error").GetString());
    }
}
