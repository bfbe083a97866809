using Microsoft.Extensions.Logging.Abstractions;
using SmsGateway.Core.Modem;
using SmsGateway.Core.Webhooks;
using SmsGateway.Testing;
using SmsGateway.Webhooks.Tests.Support;

namespace SmsGateway.Webhooks.Tests;

public sealed class ModemStatusEventsTests : IDisposable
{
    private readonly DelivererRig _rig = new();
    private readonly ScriptedModem _modem = new();
    private readonly ModemStatusEvents _sut;

    public ModemStatusEventsTests() =>
        _sut = new ModemStatusEvents(_rig.Store, new WebhookEventFactory(_rig.Time), _rig.WakeUp, _rig.Time, NullLogger<ModemStatusEvents>.Instance, _modem);

    public void Dispose() => _rig.Dispose();

    [Fact]
    public async Task Check_TheModemLostThenBack_StoresOneModemStatusEventEach_AndNothingForTheStateAtStart()
    {
        var endpoint = await _rig.AddEndpointAsync();
        await _sut.CheckAsync(default);
        await _sut.CheckAsync(default);

        _modem.Status = new ModemStatus { Connected = false, Model = "Scripted", LastError = "port closed" };
        await _sut.CheckAsync(default);
        await _sut.CheckAsync(default);
        _modem.Status = new ModemStatus { Connected = true, Model = "Scripted", Operator = "Test" };
        await _sut.CheckAsync(default);

        while (await _rig.Sut.DeliverNextAsync(endpoint.Id, default))
        {
        }

        Assert.Equal(2, _rig.Receiver.Received.Count);
        Assert.Contains("\"type\":\"modem.status\"", _rig.Receiver.Received[0].Body, StringComparison.Ordinal);
        Assert.Contains("\"connected\":false", _rig.Receiver.Received[0].Body, StringComparison.Ordinal);
        Assert.Contains("\"reason\":\"port closed\"", _rig.Receiver.Received[0].Body, StringComparison.Ordinal);
        Assert.Contains("\"connected\":true", _rig.Receiver.Received[1].Body, StringComparison.Ordinal);
    }
}
