using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmsGateway.Core.Queue;
using SmsGateway.Core.Storage;

namespace SmsGateway.Storage.Embedded;

public static class EmbeddedStorageServiceCollectionExtensions
{
    /// <summary>Registers the SQLite queue and store under <c>Storage:Path</c>, for the process that owns them.</summary>
    public static IServiceCollection AddEmbeddedStorage(this IServiceCollection services)
    {
        services.AddSingleton(sp => new SqliteDatabase(sp.GetRequiredService<IOptions<EmbeddedStorageOptions>>().Value));
        services.AddSingleton<IMessageStore>(sp => new SqliteMessageStore(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new SqliteOutboundQueue(
            sp.GetRequiredService<SqliteDatabase>(),
            sp.GetRequiredService<IOptions<EmbeddedStorageOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IOutboundQueue>(sp => sp.GetRequiredService<SqliteOutboundQueue>());

        // Registered first so that locks are released before any worker receives.
        services.AddHostedService<EmbeddedQueueStartup>();
        return services;
    }
}
