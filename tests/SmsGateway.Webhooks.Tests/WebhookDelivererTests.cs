using System.Net;
using SmsGateway.Core.Webhooks;
using SmsGateway.Webhooks.Tests.Support;

namespace SmsGateway.Webhooks.Tests;

public sealed class WebhookDelivererTests : IDisposable
{
    private readonly DelivererRig _rig = new();

    public void Dispose() => _rig.Dispose();

    [Fact]
    public async Task Deliver_A2xx_PostsTheSignedBodyOnce_AndMarksItDelivered()
    {
        var endpoint = await _rig.AddEndpointAsync();
        var reported = await _rig.StoreSentEventAsync();

        Assert.True(await _rig.Sut.DeliverNextAsync(endpoint.Id, default));

        var request = Assert.Single(_rig.Receiver.Received);
        Assert.Equal(WebhookBody.Of(reported), request.Body);
        Assert.Equal("application/json", request.ContentType);
        Assert.Equal(reported.Id, request.Id);
        Assert.Equal(WebhookSigner.Timestamp(DelivererRig.Start), request.Timestamp);
        Assert.Equal(WebhookSigner.Sign(reported.Id, DelivererRig.Start, request.Body, [endpoint.Secret]), request.Signature);
        Assert.Equal(WebhookDeliveryState.Delivered, Assert.Single(await _rig.Store.ListDeliveriesAsync(endpoint.Id, null, 10, default)).State);
        Assert.False(await _rig.Sut.DeliverNextAsync(endpoint.Id, default));
    }

    [Fact]
    public async Task Deliver_A500_IsTriedAgainAfter5sAndNotBefore_WithTheSameIdAndBody()
    {
        var endpoint = await _rig.AddEndpointAsync();
        var reported = await _rig.StoreSentEventAsync();
        _rig.Receiver.AnswerWith(HttpStatusCode.InternalServerError);
        await _rig.Sut.DeliverNextAsync(endpoint.Id, default);

        var pending = Assert.Single(await _rig.Store.ListDeliveriesAsync(endpoint.Id, WebhookDeliveryState.Pending, 10, default));
        Assert.Equal((1, DelivererRig.Start.AddSeconds(5)), (pending.Attempts, pending.NextAttemptAt));
        Assert.Contains("500", pending.LastError, StringComparison.Ordinal);
        _rig.Time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(await _rig.Sut.DeliverNextAsync(endpoint.Id, default));

        _rig.Receiver.AnswerWith(HttpStatusCode.NoContent);
        _rig.Time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(await _rig.Sut.DeliverNextAsync(endpoint.Id, default));

        Assert.Equal(2, _rig.Receiver.Received.Count);
        Assert.All(_rig.Receiver.Received, r => Assert.Equal((reported.Id, WebhookBody.Of(reported)), (r.Id, r.Body)));
        Assert.Equal(WebhookSigner.Timestamp(DelivererRig.Start.AddSeconds(5)), _rig.Receiver.Received[1].Timestamp);
        Assert.Equal(WebhookDeliveryState.Delivered, Assert.Single(await _rig.Store.ListDeliveriesAsync(endpoint.Id, null, 10, default)).State);
    }

    [Fact]
    public async Task Deliver_FailingForADay_IsKeptAsFailedWithTheLastError()
    {
        var endpoint = await _rig.AddEndpointAsync();
        await _rig.StoreSentEventAsync();
        _rig.Receiver.AnswerWith(HttpStatusCode.BadGateway);

        for (var round = 0; round < 40 && await _rig.Store.NextDueAsync(endpoint.Id, default) is { } due; round++)
        {
            _rig.Time.Advance(due > _rig.Time.GetUtcNow() ? due - _rig.Time.GetUtcNow() : TimeSpan.Zero);
            await _rig.Sut.DeliverNextAsync(endpoint.Id, default);
        }

        var failed = Assert.Single(await _rig.Store.ListDeliveriesAsync(endpoint.Id, WebhookDeliveryState.Failed, 10, default));
        Assert.Equal(29, failed.Attempts);
        Assert.StartsWith("gave up after 29 attempt(s)", failed.LastError, StringComparison.Ordinal);
        Assert.Contains("502", failed.LastError, StringComparison.Ordinal);
        Assert.InRange(_rig.Time.GetUtcNow() - DelivererRig.Start, TimeSpan.FromHours(23), TimeSpan.FromHours(24));
    }

    [Fact]
    public async Task Deliver_AReceiverDownFor60s_GetsEveryEventAtTheFirstRetryAfterItReturns()
    {
        var endpoint = await _rig.AddEndpointAsync();
        var events = new List<WebhookEvent>();
        for (var i = 0; i < 3; i++)
        {
            events.Add(await _rig.StoreSentEventAsync());
        }

        _rig.Receiver.Answer = (_, _) => throw new HttpRequestException("Connection refused (hooks.example.com:443)");
        while (await _rig.Store.NextDueAsync(endpoint.Id, default) is { } due && due < DelivererRig.Start.AddSeconds(60))
        {
            _rig.Time.Advance(due > _rig.Time.GetUtcNow() ? due - _rig.Time.GetUtcNow() : TimeSpan.Zero);
            while (await _rig.Sut.DeliverNextAsync(endpoint.Id, default))
            {
            }
        }

        _rig.Receiver.AnswerWith(HttpStatusCode.OK);
        var back = (await _rig.Store.NextDueAsync(endpoint.Id, default))!.Value;
        _rig.Time.Advance(back - _rig.Time.GetUtcNow());
        while (await _rig.Sut.DeliverNextAsync(endpoint.Id, default))
        {
        }

        // Down at 0 s, 5 s and 35 s; the third retry (2 min later) finds it back.
        Assert.Equal(DelivererRig.Start.AddSeconds(155), back);
        Assert.All(await _rig.Store.ListDeliveriesAsync(endpoint.Id, null, 10, default), d => Assert.Equal(WebhookDeliveryState.Delivered, d.State));
        Assert.Equal(events.Select(e => e.Id).Order(), _rig.Receiver.Received.TakeLast(3).Select(r => r.Id).Order());
    }

    [Fact]
    public async Task Deliver_410Gone_DisablesTheEndpoint_AndKeepsWhatWaitedAsFailed()
    {
        var endpoint = await _rig.AddEndpointAsync();
        await _rig.StoreSentEventAsync();
        await _rig.StoreSentEventAsync();
        _rig.Receiver.AnswerWith(HttpStatusCode.Gone);

        await _rig.Sut.DeliverNextAsync(endpoint.Id, default);

        var stored = (await _rig.Store.GetEndpointAsync(endpoint.Id, default))!;
        Assert.False(stored.Enabled);
        Assert.Contains("410 Gone", stored.DisabledReason, StringComparison.Ordinal);
        Assert.All(await _rig.Store.ListDeliveriesAsync(endpoint.Id, null, 10, default), d => Assert.Equal(WebhookDeliveryState.Failed, d.State));
        Assert.False(await _rig.Sut.DeliverNextAsync(endpoint.Id, default));
        Assert.Single(_rig.Receiver.Received);
    }

    [Fact]
    public async Task Deliver_AReceiverThatNeverAnswers_FailsTheAttemptAtTheRequestTimeout()
    {
        var endpoint = await _rig.AddEndpointAsync();
        await _rig.StoreSentEventAsync();
        var reached = new TaskCompletionSource();
        _rig.Receiver.Answer = async (_, token) =>
        {
            reached.SetResult();
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        };

        var delivering = _rig.Sut.DeliverNextAsync(endpoint.Id, default);
        await reached.Task;
        _rig.Time.Advance(DelivererRig.RequestTimeout - TimeSpan.FromMilliseconds(1));
        Assert.False(delivering.IsCompleted);
        _rig.Time.Advance(TimeSpan.FromMilliseconds(1));
        await delivering;

        var pending = Assert.Single(await _rig.Store.ListDeliveriesAsync(endpoint.Id, WebhookDeliveryState.Pending, 10, default));
        Assert.Equal("no answer within 10 s", pending.LastError);
    }

    [Fact]
    public async Task Deliver_ToAnAddressThePolicyRefuses_IsAFailedAttemptThatPostsNothing()
    {
        var endpoint = await _rig.AddEndpointAsync(url: "https://10.0.0.5/in");
        await _rig.StoreSentEventAsync();

        await _rig.Sut.DeliverNextAsync(endpoint.Id, default);

        Assert.Empty(_rig.Receiver.Received);
        var pending = Assert.Single(await _rig.Store.ListDeliveriesAsync(endpoint.Id, WebhookDeliveryState.Pending, 10, default));
        Assert.StartsWith("refused: ", pending.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_DuringARotation_SignsWithTheNewAndTheOldSecret_AndWithTheNewOnlyAfter24h()
    {
        var endpoint = await _rig.AddEndpointAsync();
        var rotated = endpoint with { Secret = WebhookSecret.New(), PreviousSecret = endpoint.Secret, PreviousSecretUntil = DelivererRig.Start.AddHours(24) };
        await _rig.Store.UpdateEndpointAsync(rotated, default);
        await _rig.StoreSentEventAsync();
        await _rig.Sut.DeliverNextAsync(endpoint.Id, default);

        _rig.Time.Advance(TimeSpan.FromHours(24));
        await _rig.StoreSentEventAsync();
        await _rig.Sut.DeliverNextAsync(endpoint.Id, default);

        var (during, after) = (_rig.Receiver.Received[0], _rig.Receiver.Received[1]);
        Assert.Equal(WebhookSigner.Sign(during.Id, DelivererRig.Start, during.Body, [rotated.Secret, endpoint.Secret]), during.Signature);
        Assert.Equal(WebhookSigner.Sign(after.Id, _rig.Time.GetUtcNow(), after.Body, [rotated.Secret]), after.Signature);
    }
}
