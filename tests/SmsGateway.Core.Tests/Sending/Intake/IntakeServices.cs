using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmsGateway.Core.Hosting;
using SmsGateway.Core.Sending.Queue;
using SmsGateway.Core.Sending.Records;

namespace SmsGateway.Core.Tests.Sending.Intake;

/// <summary>Message intake as the hosts compose it, over the given store and queue and settings.</summary>
internal static class IntakeServices
{
    public static ServiceProvider Build(IMessageStore store, IOutboundQueue queue, params (string Key, string Value)[] settings)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build());
        services.AddSingleton(store);
        services.AddSingleton(queue);
        services.AddMessageIntake();
        return services.BuildServiceProvider();
    }
}
