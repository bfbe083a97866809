using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmsGateway.Core.Receiving.Bridge;
using SmsGateway.Core.Outbox;

namespace SmsGateway.Azure.Chat;

public static class ChatStoreServiceCollectionExtensions
{
    /// <summary>Registers the chat bridge's stores on Table storage (inbox, outbox, bridge memory); needs <c>AddAzureTableStore</c>.</summary>
    public static IServiceCollection AddAzureChatStores(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IChatInbox, TableChatInbox>();
        services.TryAddSingleton<IOutbox, TableOutbox>();
        services.TryAddSingleton<IChatBridgeStore, TableChatBridgeStore>();
        return services;
    }
}
