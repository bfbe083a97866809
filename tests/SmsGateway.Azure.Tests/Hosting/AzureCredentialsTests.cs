using Microsoft.Extensions.DependencyInjection;
using SmsGateway.Azure.Hosting;

namespace SmsGateway.Azure.Tests.Hosting;

/// <summary>Every Azure client of a process signs in through one credential per identity, not one each.</summary>
public sealed class AzureCredentialsTests
{
    [Fact]
    public void For_TheSameIdentity_IsTheSameCredential_AndAnotherIdentityItsOwn()
    {
        var credentials = new AzureCredentials();

        Assert.Same(credentials.For("11111111-2222-3333-4444-555555555555"), credentials.For(" 11111111-2222-3333-4444-555555555555 "));
        Assert.Same(credentials.For(null), credentials.For(""));
        Assert.NotSame(credentials.For(null), credentials.For("11111111-2222-3333-4444-555555555555"));
    }

    [Fact]
    public void TablesAndServiceBus_RegisterOneCredentialsHolder()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddAzureTableStore();
        services.AddServiceBusQueue();

        Assert.Single(services, d => d.ServiceType == typeof(AzureCredentials));
    }
}
