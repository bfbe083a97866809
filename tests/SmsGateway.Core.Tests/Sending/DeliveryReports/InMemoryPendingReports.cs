using System.Collections.Concurrent;
using SmsGateway.Core.Sending.DeliveryReports;

namespace SmsGateway.Core.Tests.Sending.DeliveryReports;

internal sealed class InMemoryPendingReports : IPendingDeliveryReportStore
{
    private readonly ConcurrentDictionary<string, PendingDeliveryReport> _reports = new();

    public int Count => _reports.Count;

    public Task AddAsync(PendingDeliveryReport report, CancellationToken cancellationToken)
    {
        _reports.TryAdd(report.Id, report);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PendingDeliveryReport>> ListAsync(int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PendingDeliveryReport>>(_reports.Values.OrderBy(r => r.ReceivedAt).Take(max).ToList());

    public Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        _reports.TryRemove(id, out _);
        return Task.CompletedTask;
    }
}
