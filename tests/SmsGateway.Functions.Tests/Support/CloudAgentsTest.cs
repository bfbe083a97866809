using SmsGateway.Testing.Azurite;


namespace SmsGateway.Functions.Tests.Support;

/// <summary>For tests of what agents report: a cloud host of its own for each test, and a client that posts agent events to it.</summary>
public abstract class CloudAgentsTest(AzuriteFixture azurite) : IAsyncLifetime
{
    private protected CloudHost Host { get; private set; } = null!;

    private protected AgentEventsClient Agents { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await CloudHost.StartAsync(azurite);
        Agents = new AgentEventsClient(Host);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
