using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmsGateway.Azure.Hosting;
using SmsGateway.Azure.ServiceBus;
using SmsGateway.Azure.Tables;
using SmsGateway.Core.Sending.DeliveryReports;
using SmsGateway.Core.Receiving.Inbound;
using SmsGateway.Core.Sending.Queue;
using SmsGateway.Core.Sending.Records;

namespace SmsGateway.Azure.Tests.Hosting;

public sealed class AzureServiceCollectionExtensionsTests
{
    // Shaped like a real one; nothing here connects anywhere.
    private const string FakeServiceBus = "Endpoint=sb://example.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=c2VjcmV0LWtleQ==";
    private const string FakeTables = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=c2VjcmV0LWtleQ==;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;";

    private static ServiceProvider Build(Action<IServiceCollection> add, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        add(services);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddServiceBusQueue_WithNeitherConnection_FailsNamingBothKeys()
    {
        using var provider = Build(s => s.AddServiceBusQueue());

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ServiceBusQueueOptions>>().Value);

        Assert.Contains("ServiceBus:ConnectionString or ServiceBus:FullyQualifiedNamespace must be set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddServiceBusQueue_WithBothConnections_Fails()
    {
        using var provider = Build(s => s.AddServiceBusQueue(),
            ("ServiceBus:ConnectionString", FakeServiceBus), ("ServiceBus:FullyQualifiedNamespace", "example.servicebus.windows.net"));

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ServiceBusQueueOptions>>().Value);
    }

    [Fact]
    public void AddServiceBusQueue_Routes_AreBoundFromConfiguration()
    {
        using var provider = Build(s => s.AddServiceBusQueue(), ("ServiceBus:ConnectionString", FakeServiceBus),
            ("ServiceBus:Routes:0:Prefix", "+49"), ("ServiceBus:Routes:0:AgentId", "site-a"));

        var route = Assert.Single(provider.GetRequiredService<IOptions<ServiceBusQueueOptions>>().Value.Routes);

        Assert.Equal(("+49", "site-a"), (route.Prefix, route.AgentId));
    }

    [Fact]
    public void AddServiceBusQueue_BadRoute_FailsNamingTheKey()
    {
        using var provider = Build(s => s.AddServiceBusQueue(), ("ServiceBus:ConnectionString", FakeServiceBus),
            ("ServiceBus:Routes:0:Prefix", "+49"), ("ServiceBus:Routes:0:AgentId", "Site A"));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ServiceBusQueueOptions>>().Value);

        Assert.Contains("ServiceBus:Routes:0:AgentId is invalid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddServiceBusQueue_BadTopic_NamesTheKeyAndNeverShowsTheConnectionString()
    {
        using var provider = Build(s => s.AddServiceBusQueue(), ("ServiceBus:ConnectionString", FakeServiceBus), ("ServiceBus:Topic", "no spaces"));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ServiceBusQueueOptions>>().Value);

        Assert.Contains("ServiceBus:Topic", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddServiceBusQueue_WithAConnectionString_ResolvesTheQueueWithDefaults()
    {
        await using var provider = Build(s => s.AddServiceBusQueue(), ("ServiceBus:ConnectionString", FakeServiceBus));

        var options = provider.GetRequiredService<IOptions<ServiceBusQueueOptions>>().Value;

        Assert.IsType<ServiceBusOutboundQueue>(provider.GetRequiredService<IOutboundQueue>());
        Assert.Equal(("outbound", "sms", 5), (options.Topic, options.Subscription, options.MaxDeliveryCount));
    }

    [Fact]
    public void AddAzureTableStore_WithNeitherConnection_FailsNamingBothKeys()
    {
        using var provider = Build(s => s.AddAzureTableStore());

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TableStoreOptions>>().Value);

        Assert.Contains("Tables:ConnectionString or Tables:Endpoint must be set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAzureTableStore_BadPrefix_NamesTheKey()
    {
        using var provider = Build(s => s.AddAzureTableStore(), ("Tables:ConnectionString", FakeTables), ("Tables:TablePrefix", "my-prefix"));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TableStoreOptions>>().Value);

        Assert.Contains("Tables:TablePrefix", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAzureTableStore_WithAnEndpoint_ResolvesEveryTablePort()
    {
        using var provider = Build(s => s.AddAzureTableStore(), ("Tables:Endpoint", "https://example.table.core.windows.net"), ("Tables:TablePrefix", "gw"));

        Assert.IsType<TableMessageStore>(provider.GetRequiredService<IMessageStore>());
        Assert.IsType<TableInboundStore>(provider.GetRequiredService<IInboundStore>());
        Assert.IsType<TablePartReferenceIndex>(provider.GetRequiredService<IPartReferenceIndex>());
        Assert.IsType<TablePendingDeliveryReportStore>(provider.GetRequiredService<IPendingDeliveryReportStore>());
        Assert.Equal("gw", provider.GetRequiredService<AzureTables>().TablePrefix);
    }
}
