using SmsGateway.Testing.ServiceBus;

namespace SmsGateway.Agent.Tests.Cloud;

/// <summary>
/// A test class with its own Service Bus double and fake cloud endpoint (started before each test, stopped after),
/// for cloud agents started against them.
/// </summary>
public abstract class CloudAgentTest(InMemoryServiceBus? bus = null) : IAsyncLifetime
{
    protected InMemoryServiceBus Bus { get; } = bus ?? CloudAgentInstance.NewBus();

    protected FakeCloudEndpoint Cloud { get; private set; } = null!;

    public async Task InitializeAsync() => Cloud = await FakeCloudEndpoint.StartAsync();

    public async Task DisposeAsync() => await Cloud.DisposeAsync();

    /// <summary>A cloud agent on <see cref="Bus"/> that reports to <see cref="Cloud"/>.</summary>
    protected Task<CloudAgentInstance> StartAgentAsync(IDictionary<string, string?>? settings = null, string? dataPath = null) =>
        CloudAgentInstance.StartAsync(Bus, Cloud.BaseUrl, settings, dataPath);
}
