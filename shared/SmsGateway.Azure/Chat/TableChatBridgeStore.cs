using System.Globalization;
using Azure;
using Azure.Data.Tables;
using SmsGateway.Azure.Tables;
using SmsGateway.Core.Receiving.Bridge;

namespace SmsGateway.Azure.Chat;

/// <summary>
/// The chat bridge's memory in table <c>chatbridge</c>, every call a point read or write: forwarded SMS
/// (PartitionKey = <c>forward-{chat}</c>, RowKey = message id), posts (<c>post</c>, the escaped key) and
/// refusals (<c>refusal</c>, the chat id, changed only through its ETag).
/// </summary>
public sealed class TableChatBridgeStore(AzureTables tables) : IChatBridgeStore
{
    public const string TableName = "chatbridge";

    private const string PostPartition = "post";
    private const string RefusalPartition = "refusal";
    private const int MaxTries = 10;

    public async Task SaveForwardAsync(ForwardedSms forward, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(forward);
        var table = await tables.GetAsync(TableName, cancellationToken);
        var entity = new TableEntity(ForwardPartition(forward.ChatId), Number(forward.MessageId))
        {
            ["Sender"] = forward.Sender,
            ["InboundMessageId"] = forward.InboundMessageId,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<ForwardedSms?> FindForwardAsync(long chatId, long messageId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(ForwardPartition(chatId), Number(messageId), cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } e
            ? new ForwardedSms(chatId, messageId, e.GetString("Sender"), e.GetString("InboundMessageId"))
            : null;
    }

    public async Task SavePostAsync(ChatPost post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        var table = await tables.GetAsync(TableName, cancellationToken);
        var entity = new TableEntity(PostPartition, TableKeys.Escape(post.Key))
        {
            ["ChatId"] = post.ChatId,
            ["MessageId"] = post.MessageId,
            ["Text"] = post.Text,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<ChatPost?> FindPostAsync(string key, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(PostPartition, TableKeys.Escape(key), cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } e
            ? new ChatPost(key, e.GetInt64("ChatId") ?? 0, e.GetInt64("MessageId") ?? 0, e.GetString("Text"))
            : null;
    }

    public async Task<bool> TryStartRefusalAsync(long chatId, DateTimeOffset now, TimeSpan interval, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var entity = new TableEntity(RefusalPartition, Number(chatId)) { ["RefusedAt"] = now.UtcTicks };
        for (var attempt = 1; ; attempt++)
        {
            var found = await table.GetEntityIfExistsAsync<TableEntity>(RefusalPartition, entity.RowKey, cancellationToken: cancellationToken);
            try
            {
                if (!found.HasValue || found.Value is null)
                {
                    await table.AddEntityAsync(entity, cancellationToken);
                    return true;
                }

                if (found.Value.GetInt64("RefusedAt") > (now - interval).UtcTicks)
                {
                    return false;
                }

                await table.UpdateEntityAsync(entity, found.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxTries)
            {
                // Another refusal of this chat was recorded in between; decide again against it.
            }
        }
    }

    private static string ForwardPartition(long chatId) => "forward-" + Number(chatId);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
