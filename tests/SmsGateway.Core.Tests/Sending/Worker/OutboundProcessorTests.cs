using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Modem;
using SmsGateway.Core.Options;
using SmsGateway.Core.Sending.Queue;
using SmsGateway.Core.Sending.Records;
using SmsGateway.Core.Sending.Worker;
using SmsGateway.Core.Telemetry;
using SmsGateway.Core.Tests.Sending.DeliveryReports;
using SmsGateway.Core.Tests.Sending.Intake;
using SmsGateway.Testing;

namespace SmsGateway.Core.Tests.Sending.Worker;

/// <summary>
/// What the processor decides for each outcome of a send, on a fake clock: retry with backoff, dead-letter at once,
/// dead-letter after the retry limit, and an unknown outcome under each after-crash policy.
/// </summary>
public sealed class OutboundProcessorTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly InMemoryMessageStore _store = new();
    private readonly ScriptedModem _modem;

    public OutboundProcessorTests() => _modem = new ScriptedModem(_time);

    [Fact]
    public async Task Sent_IsRecordedSentWithItsReferences_AndCompleted()
    {
        var (sut, lease) = await ArrangeAsync(new OutboundOptions());

        var settlement = await SendOnceAsync(sut, lease);

        Assert.IsType<QueueSettlement.Complete>(settlement);
        var destination = _store[lease.Message.MessageId].Destinations[0];
        Assert.Equal((DestinationStatus.Sent, 1), (destination.Status, destination.Attempts));
        Assert.NotEmpty(destination.PartReferences);
    }

    [Fact]
    public async Task TransientFailure_IsRetriedWithinTheBackoffBound_AndTheErrorKept()
    {
        var (sut, lease) = await ArrangeAsync(new OutboundOptions { RetryBaseDelay = TimeSpan.FromSeconds(5) });
        _modem.AlwaysFail = new SmsSendException(SendFailureKind.Transient, "+CMS ERROR: 500", 500);

        var retry = Assert.IsType<QueueSettlement.Retry>(await SendOnceAsync(sut, lease));

        Assert.InRange(retry.Delay, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        var destination = _store[lease.Message.MessageId].Destinations[0];
        Assert.Equal(DestinationStatus.Queued, destination.Status);
        Assert.Contains("+CMS ERROR: 500", destination.Error, StringComparison.Ordinal);
        Assert.Equal(_time.GetUtcNow() + retry.Delay, destination.NextAttemptAt);
    }

    [Fact]
    public async Task PermanentFailure_IsDeadLetteredAtOnce()
    {
        var (sut, lease) = await ArrangeAsync(new OutboundOptions());
        _modem.AlwaysFail = new SmsSendException(SendFailureKind.Permanent, "+CMS ERROR: 21", 21);

        var dead = Assert.IsType<QueueSettlement.DeadLetter>(await SendOnceAsync(sut, lease));

        Assert.Equal(DeadLetterReasons.PermanentError, dead.Reason);
        Assert.Equal(DestinationStatus.Failed, _store[lease.Message.MessageId].Destinations[0].Status);
    }

    [Fact]
    public async Task TransientFailures_UpToMaxAttempts_AreRetried_ThenDeadLetteredWithTheLastError()
    {
        var (sut, lease) = await ArrangeAsync(new OutboundOptions { MaxAttempts = 3, CircuitFailureThreshold = 100 });
        _modem.AlwaysFail = new SmsSendException(SendFailureKind.Transient, "timeout waiting for +CMGS");

        Assert.IsType<QueueSettlement.Retry>(await SendOnceAsync(sut, lease));
        Assert.IsType<QueueSettlement.Retry>(await SendOnceAsync(sut, lease));
        var dead = Assert.IsType<QueueSettlement.DeadLetter>(await SendOnceAsync(sut, lease));

        Assert.Equal(DeadLetterReasons.RetryLimitExceeded, dead.Reason);
        Assert.Contains("timeout waiting for +CMGS", dead.Description, StringComparison.Ordinal);
        Assert.Equal((DestinationStatus.Failed, 3), (_store[lease.Message.MessageId].Destinations[0].Status, _store[lease.Message.MessageId].Destinations[0].Attempts));
    }

    [Fact]
    public async Task UnknownOutcome_UnderAtMostOnce_IsDeadLetteredAndNeverSentAgain()
    {
        var (sut, lease) = await ArrangeAsync(new OutboundOptions { AfterCrash = AfterCrashPolicy.Unknown });
        _modem.AlwaysFail = new SmsSendException(SendFailureKind.UnknownOutcome, "no answer after the PDU");

        var dead = Assert.IsType<QueueSettlement.DeadLetter>(await SendOnceAsync(sut, lease));

        Assert.Equal(DeadLetterReasons.UnknownOutcome, dead.Reason);
        Assert.Equal(DestinationStatus.Unknown, _store[lease.Message.MessageId].Destinations[0].Status);
        Assert.Equal(1, _modem.Attempts);
    }

    [Fact]
    public async Task UnknownOutcome_UnderResend_IsRetried()
    {
        var (sut, lease) = await ArrangeAsync(new OutboundOptions { AfterCrash = AfterCrashPolicy.Resend });
        _modem.AlwaysFail = new SmsSendException(SendFailureKind.UnknownOutcome, "no answer after the PDU");

        Assert.IsType<QueueSettlement.Retry>(await SendOnceAsync(sut, lease));
    }

    [Fact]
    public async Task FoundSendingAfterACrash_UnderAtMostOnce_IsNotSent()
    {
        var (sut, lease) = await ArrangeAsync(new OutboundOptions { AfterCrash = AfterCrashPolicy.Unknown });
        Assert.NotNull(await sut.PrepareAsync(lease, CancellationToken.None));

        // The process died here; the item comes back to a new run.
        var again = await sut.PrepareAsync(lease with { DeliveryCount = 2 }, CancellationToken.None);

        Assert.Null(again);
        Assert.Equal(DestinationStatus.Unknown, _store[lease.Message.MessageId].Destinations[0].Status);
        Assert.Equal(0, _modem.Attempts);
    }

    public void Dispose() => _metrics.Dispose();

    private async Task<QueueSettlement> SendOnceAsync(OutboundProcessor sut, QueueLease lease)
    {
        var prepared = await sut.PrepareAsync(lease, CancellationToken.None);
        Assert.NotNull(prepared);
        var outcome = await sut.SendAsync(prepared, CancellationToken.None);
        return await sut.RecordAsync(prepared, outcome, CancellationToken.None);
    }

    private async Task<(OutboundProcessor Sut, QueueLease Lease)> ArrangeAsync(OutboundOptions options)
    {
        var now = _time.GetUtcNow();
        var message = new Message { Id = Message.NewId(now), Text = "hello", Destinations = [Destination.Sms("+4915112345678")], CreatedAt = now, UpdatedAt = now };
        await _store.CreateAsync(message, null, CancellationToken.None);
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        var circuit = new ModemCircuit(_modem, wrapped, _time, new GatewayMetrics(_metrics.GetRequiredService<IMeterFactory>()), NullLogger<ModemCircuit>.Instance);
        var sut = new OutboundProcessor(
            new RefusableQueue(), new MessageUpdater(_store, _time), circuit, new InMemoryPartReferenceIndex(), wrapped, _time, NullLogger<OutboundProcessor>.Instance);
        var item = new QueueItem { MessageId = message.Id, DestinationIndex = 0, To = "+4915112345678", Text = "hello" };
        return (sut, new QueueLease($"{message.Id}.0", "lock", item, 1, now + TimeSpan.FromMinutes(5)));
    }
}
