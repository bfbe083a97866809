using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Options;
using SmsGateway.Core.Sending.Queue;
using SmsGateway.Core.Sending.Records;
using SmsGateway.Core.Sending.Worker;
using SmsGateway.Core.Telemetry;
using SmsGateway.Core.Tests.Sending.DeliveryReports;

namespace SmsGateway.Core.Tests.Sending.Worker.Support;

/// <summary>
/// The real worker, processor and circuit over in-memory doubles of the queue, the store and the modem, all on one
/// fake clock (<see cref="ObservedClock"/>). A restart is a new worker over the same queue and store.
/// </summary>
internal sealed class WorkerRig : IAsyncDisposable
{
    private readonly ServiceProvider _metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly OutboundProcessor _processor;
    private OutboundWorker? _worker;

    public WorkerRig(OutboundOptions options)
    {
        Time = new ObservedClock(Changes);
        Options = options;
        Store = new GatedMessageStore(new InMemoryMessageStore(), Changes);
        Queue = new InMemoryOutboundQueue(Time, Changes);
        Modem = new AirModem(Time, Changes);
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        Circuit = new ModemCircuit(Modem, wrapped, Time, new GatewayMetrics(_metrics.GetRequiredService<IMeterFactory>()), NullLogger<ModemCircuit>.Instance);
        _processor = new OutboundProcessor(
            Queue, new MessageUpdater(Store, Time), Circuit, new InMemoryPartReferenceIndex(), wrapped, Time, NullLogger<OutboundProcessor>.Instance);
    }

    public ObservedClock Time { get; }

    public StateChanges Changes { get; } = new();

    public OutboundOptions Options { get; }

    public GatedMessageStore Store { get; }

    public InMemoryOutboundQueue Queue { get; }

    public AirModem Modem { get; }

    public ModemCircuit Circuit { get; }

    /// <summary>Starts a worker (again, after a stop: a restart) and returns once it waits for an item.</summary>
    public async Task StartIdleAsync()
    {
        await StartAsync();
        await WhenIdleAsync();
    }

    public async Task StartAsync()
    {
        _worker = new OutboundWorker(Queue, _processor, Circuit, Microsoft.Extensions.Options.Options.Create(Options), Time, NullLogger<OutboundWorker>.Instance);
        await _worker.StartAsync(CancellationToken.None);
    }

    /// <summary>Asks the worker to stop; the task ends when it has (a send on the air may hold it for the stop grace).</summary>
    public Task StopAsync()
    {
        var worker = _worker ?? throw new InvalidOperationException("no worker runs");
        _worker = null;
        Task stopping = Task.CompletedTask;
        Inline.Run(() => stopping = worker.StopAsync(CancellationToken.None));
        return stopping.ContinueWith(_ => worker.Dispose(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    public Task WhenIdleAsync() => Changes.WaitUntilAsync(() => Queue.Idle);

    public Task WhenAsync(Func<bool> condition) => Changes.WaitUntilAsync(condition);

    /// <summary>Advances the clock; the worker's timers that fall due reply inline, on this thread.</summary>
    public void Advance(TimeSpan by) => Inline.Run(() => Time.Advance(by));

    /// <summary>Stores <paramref name="count"/> one-destination messages and publishes their items in one go.</summary>
    public async Task<QueueItem[]> EnqueueAsync(int count)
    {
        var items = new QueueItem[count];
        for (var i = 0; i < count; i++)
        {
            var now = Time.GetUtcNow();
            var to = $"+49151123456{i:D2}";
            var message = new Message { Id = Message.NewId(now), Text = $"hello {i}", Destinations = [Destination.Sms(to)], CreatedAt = now, UpdatedAt = now };
            await Store.CreateAsync(message, null, CancellationToken.None);
            items[i] = new QueueItem { MessageId = message.Id, DestinationIndex = 0, To = to, Text = message.Text };
        }

        Queue.Publish(items);
        return items;
    }

    public Destination DestinationOf(QueueItem item) => Store[item.MessageId].Destinations[item.DestinationIndex];

    public async ValueTask DisposeAsync()
    {
        if (_worker is not null)
        {
            // A send left on the air would hold the stop for its grace: cut it off.
            var stopping = StopAsync();
            Advance(Options.StopGrace);
            await stopping;
        }

        _metrics.Dispose();
    }
}
