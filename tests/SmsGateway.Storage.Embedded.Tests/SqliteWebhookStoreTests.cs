using Microsoft.Extensions.Time.Testing;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Sending.Records;
using SmsGateway.Core.Webhooks;
using SmsGateway.Testing;
using SmsGateway.Core.Receiving.Inbound;

namespace SmsGateway.Storage.Embedded.Tests;

public sealed class SqliteWebhookStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lock = TimeSpan.FromSeconds(30);

    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _time = new(Now);
    private readonly SqliteWebhookStore _sut;
    private readonly SqliteMessageStore _messages;
    private readonly WebhookEventFactory _events;

    public SqliteWebhookStoreTests()
    {
        _sut = new SqliteWebhookStore(_db.Database, _time);
        _messages = new SqliteMessageStore(_db.Database, _time);
        _events = new WebhookEventFactory(_time);
    }

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task UpdateWithEvents_StoresADeliveryForEachEnabledEndpointThatWantsTheType_WithTheExactBody()
    {
        await _sut.AddEndpointAsync(Endpoint("wh_a", WebhookEventTypes.MessageSent), default);
        await _sut.AddEndpointAsync(Endpoint("wh_all", WebhookEventTypes.Any), default);
        await _sut.AddEndpointAsync(Endpoint("wh_in", WebhookEventTypes.SmsReceived), default);

        var reported = await MarkSentAsync();

        var leased = Assert.Single(await _sut.LeaseDueAsync("wh_a", 10, Lock, default));
        Assert.Equal((reported.Id, WebhookEventTypes.MessageSent, WebhookBody.Of(reported)), (leased.EventId, leased.Type, leased.Body));
        Assert.Single(await _sut.LeaseDueAsync("wh_all", 10, Lock, default));
        Assert.Empty(await _sut.LeaseDueAsync("wh_in", 10, Lock, default));
    }

    [Fact]
    public async Task UpdateWithEvents_ThatConflicts_StoresNoEvent()
    {
        await _sut.AddEndpointAsync(Endpoint("wh_a", WebhookEventTypes.Any), default);
        var message = NewMessage();
        await _messages.CreateAsync(message, null, default);
        var sent = message.WithDestination(0, message.Destinations[0] with { Status = DestinationStatus.Sent }, Now);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            _messages.UpdateAsync(sent, "7", [_events.ForStatusChange(sent, 0, DestinationStatus.Sending)!], default));

        Assert.Empty(await _sut.ListDeliveriesAsync("wh_a", null, 10, default));
    }

    [Fact]
    public async Task LeaseDue_ASubjectsLaterEvent_WaitsUntilTheEarlierOneIsSettled()
    {
        await _sut.AddEndpointAsync(Endpoint("wh_a", WebhookEventTypes.Any), default);
        var sent = await MarkSentAsync();
        var other = await MarkSentAsync();
        var delivered = await MarkAsync(sent.Data.MessageId!, DestinationStatus.Delivered, DestinationStatus.Sent);

        var first = await _sut.LeaseDueAsync("wh_a", 10, Lock, default);
        Assert.Equal([sent.Id, other.Id], first.Select(l => l.EventId));

        Assert.True(await _sut.CompleteAsync(first[0], default));
        var next = Assert.Single(await _sut.LeaseDueAsync("wh_a", 10, Lock, default));
        Assert.Equal(delivered.Id, next.EventId);
    }

    [Fact]
    public async Task Reschedule_KeepsTheDeliveryPendingUntilItsNextAttempt_WithTheErrorAndTheCount()
    {
        await _sut.AddEndpointAsync(Endpoint("wh_a", WebhookEventTypes.Any), default);
        var reported = await MarkSentAsync();
        var lease = Assert.Single(await _sut.LeaseDueAsync("wh_a", 10, Lock, default));

        Assert.True(await _sut.RescheduleAsync(lease, Now.AddSeconds(5), "503 Service Unavailable", default));

        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.Empty(await _sut.LeaseDueAsync("wh_a", 10, Lock, default));
        _time.Advance(TimeSpan.FromSeconds(1));
        var again = Assert.Single(await _sut.LeaseDueAsync("wh_a", 10, Lock, default));
        Assert.Equal((reported.Id, 1), (again.EventId, again.Attempts));
        var listed = Assert.Single(await _sut.ListDeliveriesAsync("wh_a", WebhookDeliveryState.Pending, 10, default));
        Assert.Equal("503 Service Unavailable", listed.LastError);
    }

    [Fact]
    public async Task Settle_WithALeaseThatRanOutAndWasTakenAgain_IsRefused()
    {
        await _sut.AddEndpointAsync(Endpoint("wh_a", WebhookEventTypes.Any), default);
        await MarkSentAsync();
        var stale = Assert.Single(await _sut.LeaseDueAsync("wh_a", 10, Lock, default));
        _time.Advance(Lock);
        var current = Assert.Single(await _sut.LeaseDueAsync("wh_a", 10, Lock, default));

        Assert.False(await _sut.CompleteAsync(stale, default));
        Assert.True(await _sut.CompleteAsync(current, default));
    }

    [Fact]
    public async Task ReleaseLeases_MakesWhatWasInFlightDueNow_WithTheSameEvent()
    {
        await _sut.AddEndpointAsync(Endpoint("wh_a", WebhookEventTypes.Any), default);
        var reported = await MarkSentAsync();
        var stale = Assert.Single(await _sut.LeaseDueAsync("wh_a", 10, Lock, default));

        using var reopened = new SqliteDatabase(_db.Options);
        var restarted = new SqliteWebhookStore(reopened, _time);
        await restarted.ReleaseLeasesAsync(default);

        var again = Assert.Single(await restarted.LeaseDueAsync("wh_a", 10, Lock, default));
        Assert.Equal((reported.Id, stale.Body), (again.EventId, again.Body));
        Assert.False(await restarted.CompleteAsync(stale, default));
    }

    [Fact]
    public async Task Purge_RemovesDeliveredBeforeTheCutoffAndTheirEvents_KeepsFailedAndPending()
    {
        await _sut.AddEndpointAsync(Endpoint("wh_a", WebhookEventTypes.Any), default);
        var old = await MarkSentAsync();
        var failed = await MarkSentAsync();
        var pending = await MarkSentAsync();
        var leases = await _sut.LeaseDueAsync("wh_a", 2, Lock, default);
        await _sut.CompleteAsync(leases[0], default);
        await _sut.FailAsync(leases[1], "gave up", default);
        _time.Advance(TimeSpan.FromDays(8));

        Assert.Equal(1, await _sut.PurgeAsync(_time.GetUtcNow().AddDays(-7), default));

        var left = await _sut.ListDeliveriesAsync("wh_a", null, 10, default);
        Assert.Equal([pending.Id, failed.Id], left.Select(d => d.EventId));
        Assert.False(await _sut.ReplayAsync("wh_a", old.Id, default));
        using var connection = _db.Database.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM webhook_events";
        Assert.Equal(2L, count.ExecuteScalar());
    }

    [Fact]
    public async Task FailThenReplay_ListsItAsFailed_ThenMakesItDueAgainWithAFreshRetryPeriod()
    {
        await _sut.AddEndpointAsync(Endpoint("wh_a", WebhookEventTypes.Any), default);
        var reported = await MarkSentAsync();
        await _sut.FailAsync(Assert.Single(await _sut.LeaseDueAsync("wh_a", 10, Lock, default)), "gave up after 24 h: 500", default);
        Assert.Equal(reported.Id, Assert.Single(await _sut.ListDeliveriesAsync("wh_a", WebhookDeliveryState.Failed, 10, default)).EventId);

        _time.Advance(TimeSpan.FromDays(2));
        Assert.True(await _sut.ReplayAsync("wh_a", reported.Id, default));
        Assert.False(await _sut.ReplayAsync("wh_a", "evt_none", default));

        var again = Assert.Single(await _sut.LeaseDueAsync("wh_a", 10, Lock, default));
        Assert.Equal(_time.GetUtcNow(), again.RetriesSince);
    }

    [Fact]
    public async Task DisablingAnEndpoint_FailsWhatWaitedForIt_AndItGetsNoNewEvents()
    {
        await _sut.AddEndpointAsync(Endpoint("wh_a", WebhookEventTypes.Any), default);
        await MarkSentAsync();

        var gone = (await _sut.GetEndpointAsync("wh_a", default))! with { DisabledReason = "410 Gone" };
        Assert.True(await _sut.UpdateEndpointAsync(gone, default));
        await MarkSentAsync();

        var listed = Assert.Single(await _sut.ListDeliveriesAsync("wh_a", null, 10, default));
        Assert.Equal((WebhookDeliveryState.Failed, "endpoint disabled: 410 Gone"), (listed.State, listed.LastError));
        Assert.False((await _sut.GetEndpointAsync("wh_a", default))!.Enabled);
    }

    [Fact]
    public async Task SyncConfiguredEndpoints_AddsReplacesAndRemovesOnlyConfiguredOnes()
    {
        await _sut.AddEndpointAsync(Endpoint("wh_api", WebhookEventTypes.Any), default);
        await _sut.SyncConfiguredEndpointsAsync([Endpoint("wh_config_0", "*") with { FromConfiguration = true }, Endpoint("wh_config_1", "*") with { FromConfiguration = true }], default);

        await _sut.SyncConfiguredEndpointsAsync([Endpoint("wh_config_0", WebhookEventTypes.MessageFailed) with { FromConfiguration = true }], default);

        var all = await _sut.ListEndpointsAsync(default);
        Assert.Equal(["wh_api", "wh_config_0"], all.Select(e => e.Id));
        Assert.Equal([WebhookEventTypes.MessageFailed], all[1].Events);
    }

    [Fact]
    public async Task Deliveries_SurviveANewStoreOnTheSameFile()
    {
        await _sut.AddEndpointAsync(Endpoint("wh_a", WebhookEventTypes.Any), default);
        var reported = await MarkSentAsync();

        using var reopened = new SqliteDatabase(_db.Options);
        var leased = Assert.Single(await new SqliteWebhookStore(reopened, _time).LeaseDueAsync("wh_a", 10, Lock, default));

        Assert.Equal(reported.Id, leased.EventId);
    }

    [Fact]
    public async Task AddInboundMessageWithEvents_StoresTheEventOnlyWhenTheMessageIsNew()
    {
        await _sut.AddEndpointAsync(Endpoint("wh_a", WebhookEventTypes.SmsReceived), default);
        var inbound = new SqliteInboundStore(_db.Database);
        var message = new InboundMessage { Id = Message.NewId(Now), Sender = "+4917600000001", SentAt = Now, ReceivedAt = Now, Text = "hi" };
        var reported = _events.ForInbound(message);

        Assert.True(await inbound.AddMessageAsync(message, [reported], default));
        Assert.False(await inbound.AddMessageAsync(message, [_events.ForInbound(message)], default));

        var leased = Assert.Single(await _sut.LeaseDueAsync("wh_a", 10, Lock, default));
        Assert.Equal((reported.Id, WebhookEventTypes.SmsReceived), (leased.EventId, leased.Type));
    }

    [Fact]
    public async Task CountDeliveries_CountsPendingRetryingAndFailedPerEndpoint()
    {
        await _sut.AddEndpointAsync(Endpoint("wh_a", WebhookEventTypes.Any), default);
        await _sut.AddEndpointAsync(Endpoint("wh_b", WebhookEventTypes.MessageFailed), default);
        for (var i = 0; i < 4; i++)
        {
            await MarkSentAsync();
        }

        var leases = await _sut.LeaseDueAsync("wh_a", 3, Lock, default);
        await _sut.CompleteAsync(leases[0], default);
        await _sut.RescheduleAsync(leases[1], Now.AddSeconds(5), "503", default);
        await _sut.FailAsync(leases[2], "gave up", default);

        var counts = Assert.Single(await _sut.CountDeliveriesAsync(default));

        Assert.Equal(new WebhookBacklog("wh_a", Pending: 2, Retrying: 1, Failed: 1), counts);
    }

    private async Task<WebhookEvent> MarkSentAsync()
    {
        var message = NewMessage();
        await _messages.CreateAsync(message, null, default);
        return await MarkAsync(message.Id, DestinationStatus.Sent, DestinationStatus.Sending);
    }

    private async Task<WebhookEvent> MarkAsync(string id, DestinationStatus status, DestinationStatus previous)
    {
        var stored = (await _messages.GetAsync(id, default))!;
        var changed = stored.Message.WithDestination(0, stored.Message.Destinations[0] with { Status = status }, _time.GetUtcNow());
        var reported = _events.ForStatusChange(changed, 0, previous)!;
        await _messages.UpdateAsync(changed, stored.ETag, [reported], default);
        return reported;
    }

    private Message NewMessage() => new()
    {
        Id = Message.NewId(_time.GetUtcNow()),
        Text = "hi",
        Destinations = [Destination.Sms("+4915112345678") with { Status = DestinationStatus.Sending, Attempts = 1 }],
        CreatedAt = _time.GetUtcNow(),
        UpdatedAt = _time.GetUtcNow(),
    };

    private WebhookEndpoint Endpoint(string id, params string[] events) => new()
    {
        Id = id,
        Url = new Uri("https://hooks.example.com/" + id),
        Events = events,
        Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        CreatedAt = _time.GetUtcNow(),
    };
}
