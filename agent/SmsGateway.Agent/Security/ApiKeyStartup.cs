namespace SmsGateway.Agent.Security;

/// <summary>Loads (or on the first start generates) the API keys when the host starts.</summary>
internal sealed class ApiKeyStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<ApiKeyStore>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
