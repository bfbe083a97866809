using SmsGateway.Core.Sending.DeliveryReports;

namespace SmsGateway.Core.Tests.Sending.DeliveryReports;

internal sealed class InMemoryPartReferenceIndex : IPartReferenceIndex
{
    private readonly Lock _sync = new();
    private readonly HashSet<PartReference> _entries = [];

    public Task RecordAsync(IReadOnlyList<PartReference> references, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            _entries.UnionWith(references);
        }

        return Task.CompletedTask;
    }

    public Task<PartReference?> FindLatestAsync(string recipient, int reference, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            return Task.FromResult(_entries.Where(e => e.Recipient == recipient && e.Reference == reference && e.SentAt >= notBefore).MaxBy(e => e.SentAt));
        }
    }

    public Task<int> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            return Task.FromResult(_entries.RemoveWhere(e => e.SentAt < olderThan));
        }
    }
}
