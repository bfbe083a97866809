using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmsGateway.Core.Receiving.Bridge;
using SmsGateway.Core.Sending.DeliveryReports;
using SmsGateway.Core.Receiving.Inbound;
using SmsGateway.Core.Outbox;
using SmsGateway.Core.Sending.Queue;
using SmsGateway.Core.Sending.Records;
using SmsGateway.Core.Storage;
using SmsGateway.Core.Webhooks;

namespace SmsGateway.Storage.Embedded;

public static class EmbeddedStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SQLite queue and store under <c>Storage:Path</c>. The process that owns them (<paramref name="ownsFolder"/>,
    /// the agent) takes the folder's lock before it opens the database and releases the previous run's queue locks at
    /// start (<see cref="AddEmbeddedQueue"/>); a command beside a running agent (<c>deadletters replay</c>) does neither.
    /// </summary>
    public static IServiceCollection AddEmbeddedStorage(this IServiceCollection services, bool ownsFolder = true)
    {
        if (ownsFolder)
        {
            services.AddSingleton(sp => DataFolderLock.Acquire(sp.GetRequiredService<IOptions<EmbeddedStorageOptions>>().Value.Path));
        }

        services.AddSingleton(sp =>
        {
            // The lock first: nothing of the database is touched by a process that does not hold the folder.
            _ = ownsFolder ? sp.GetRequiredService<DataFolderLock>() : null;
            return new SqliteDatabase(sp.GetRequiredService<IOptions<EmbeddedStorageOptions>>().Value, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<IStorageHealth>(sp => sp.GetRequiredService<SqliteDatabase>().Health);
        services.AddSingleton<IMessageStore>(sp => new SqliteMessageStore(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IInboundStore>(sp => new SqliteInboundStore(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<IPartReferenceIndex>(sp => new SqlitePartReferenceIndex(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<IPendingDeliveryReportStore>(sp => new SqlitePendingDeliveryReportStore(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<IOutbox>(sp => new SqliteOutbox(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IChatInbox>(sp => new SqliteChatInbox(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IChatBridgeStore>(sp => new SqliteChatBridgeStore(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<IMessageHistory>(sp => new SqliteMessageHistory(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<IWebhookStore>(sp => new SqliteWebhookStore(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>()));

        return services;
    }

    /// <summary>
    /// Registers the SQLite outbound queue (the standalone shape's queue; the cloud agent's is its Service Bus
    /// subscription). The owner of the folder also releases, at start, the queue locks its previous run still held.
    /// </summary>
    public static IServiceCollection AddEmbeddedQueue(this IServiceCollection services, bool ownsFolder = true)
    {
        services.AddSingleton(sp => new SqliteOutboundQueue(
            sp.GetRequiredService<SqliteDatabase>(),
            sp.GetRequiredService<IOptions<EmbeddedStorageOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IOutboundQueue>(sp => sp.GetRequiredService<SqliteOutboundQueue>());
        if (ownsFolder)
        {
            // Registered before the worker so that locks are released before it receives.
            services.AddHostedService<EmbeddedQueueStartup>();
        }

        return services;
    }
}
