using SmsGateway.Core.Chat;

namespace SmsGateway.Functions.Tests.Support;

/// <summary>A chat inbox in memory (no Table storage adapter exists for it yet), recording what the webhook added.</summary>
internal sealed class RecordingChatInbox : IChatInbox
{
    private readonly List<ChatUpdate> _updates = [];

    public IReadOnlyList<ChatUpdate> Updates
    {
        get
        {
            lock (_updates)
            {
                return _updates.ToList();
            }
        }
    }

    public Task<bool> AddAsync(ChatUpdate update, CancellationToken cancellationToken)
    {
        lock (_updates)
        {
            if (_updates.Any(u => u.UpdateId == update.UpdateId))
            {
                return Task.FromResult(false);
            }

            _updates.Add(update);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<ChatUpdate>> ListPendingAsync(int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ChatUpdate>>(Updates.Take(max).ToList());

    public Task MarkProcessedAsync(long updateId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<int> PurgeAsync(DateTimeOffset recordedBefore, CancellationToken cancellationToken) => Task.FromResult(0);
}
