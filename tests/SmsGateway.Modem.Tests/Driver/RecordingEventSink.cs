using SmsGateway.Core.Modem;

namespace SmsGateway.Modem.Tests.Driver;

/// <summary>Remembers what the driver handed over, and what the modem had been told at that moment.</summary>
public sealed class RecordingEventSink : IInboundSmsSink, IDeliveryReportSink
{
    private readonly Lock _sync = new();
    private readonly List<InboundSmsPart> _parts = [];
    private readonly List<DeliveryReport> _reports = [];

    /// <summary>Called on every hand-over before it is recorded; throw from it to simulate a failing store.</summary>
    public Action? OnHandOver { get; set; }

    public IReadOnlyList<InboundSmsPart> Parts
    {
        get
        {
            lock (_sync)
            {
                return [.. _parts];
            }
        }
    }

    public IReadOnlyList<DeliveryReport> Reports
    {
        get
        {
            lock (_sync)
            {
                return [.. _reports];
            }
        }
    }

    public Task StoreInboundAsync(InboundSmsPart part, CancellationToken cancellationToken)
    {
        OnHandOver?.Invoke();
        lock (_sync)
        {
            _parts.Add(part);
        }

        return Task.CompletedTask;
    }

    public Task ApplyDeliveryReportAsync(DeliveryReport report, CancellationToken cancellationToken)
    {
        OnHandOver?.Invoke();
        lock (_sync)
        {
            _reports.Add(report);
        }

        return Task.CompletedTask;
    }
}
