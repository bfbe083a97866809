using SmsGateway.Testing;

namespace SmsGateway.Agent.Tests.Support;

/// <summary>A test class with its own gateway on a scripted modem, started before each test and stopped after.</summary>
public abstract class GatewayTest : IAsyncLifetime
{
    protected ScriptedModem Modem { get; } = new();

    protected GatewayInstance Gateway { get; private set; } = null!;

    public async Task InitializeAsync() => Gateway = await GatewayInstance.StartAsync(Modem);

    public async Task DisposeAsync() => await Gateway.DisposeAsync();
}
