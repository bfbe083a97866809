using Microsoft.Extensions.Options;
using SmsGateway.Agent.Cloud;
using SmsGateway.Azure.Hosting;
using SmsGateway.Core.Sending.DeadLetters;
using SmsGateway.Core.Options;
using SmsGateway.Core.Sending.Queue;
using SmsGateway.Core.Sending.Records;
using SmsGateway.Storage.Embedded;

namespace SmsGateway.Agent.DeadLetters;

/// <summary>
/// Listing and replaying dead letters for the command line, in the configured shape. Nothing is started:
/// no worker, and no start-up lock release, which would take the running agent's item from under it.
/// </summary>
internal sealed class DeadLetterOperations : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly DeadLetterService? _standalone;
    private readonly IOutboundQueue? _cloud;

    private DeadLetterOperations(ServiceProvider services, bool cloud)
    {
        _services = services;
        if (cloud)
        {
            _cloud = services.GetRequiredService<IOutboundQueue>();
        }
        else
        {
            _standalone = services.GetRequiredService<DeadLetterService>();
        }
    }

    /// <summary>Builds them from <paramref name="configurationArgs"/>; throws <see cref="OptionsValidationException"/> for a bad setting.</summary>
    public static DeadLetterOperations Create(string[] configurationArgs, Action<IHostApplicationBuilder>? customize)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = configurationArgs, ContentRootPath = AppContext.BaseDirectory });

        // Standard output carries the answer only; warnings go to standard error.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        customize?.Invoke(builder);

        var cloud = CloudMode.IsSelected(builder.Configuration);
        if (cloud)
        {
            // Only the Service Bus side: the agent that receives the replayed clone moves its own record
            // back to queued and tells the cloud (EnvelopeRecorder), whichever machine this runs on.
            builder.Services.AddServiceBusQueue();
        }
        else
        {
            builder.Services.AddValidatedOptions<EmbeddedStorageOptions>(EmbeddedStorageOptions.SectionName);
            builder.Services.AddEmbeddedStorage(ownsFolder: false);
            builder.Services.AddEmbeddedQueue(ownsFolder: false);
            builder.Services.AddSingleton<MessageUpdater>();
            builder.Services.AddSingleton<DeadLetterService>();
        }

        return new DeadLetterOperations(builder.Services.BuildServiceProvider(), cloud);
    }

    public async Task<IReadOnlyList<DeadLetterView>> ListAsync(int max, CancellationToken cancellationToken)
    {
        if (_standalone is not null)
        {
            return await _standalone.ListAsync(max, cancellationToken);
        }

        var letters = await _cloud!.ListDeadLettersAsync(max, cancellationToken);
        return [.. letters.Select(l => DeadLetterView.Of(l, destination: null))];
    }

    public Task<bool> ReplayAsync(string itemId, CancellationToken cancellationToken) =>
        _standalone?.ReplayAsync(itemId, cancellationToken) ?? _cloud!.ReplayDeadLetterAsync(itemId, cancellationToken);

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
