using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SmsGateway.Core.Hosting;
using SmsGateway.Storage.Embedded;
using SmsGateway.Telegram.Configuration;
using SmsGateway.Telegram.Hosting;
using SmsGateway.Telegram.Updates;
using SmsGateway.Testing.Telegram;
using SmsGateway.Testing;

namespace SmsGateway.Telegram.Tests.Updates;

public sealed class TelegramWebhookReceiverTests : IDisposable
{
    private const string Secret = "webhook_secret-123";
    private const int Capacity = 3;
    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly SqliteChatInbox _inbox;
    private readonly TelegramWebhookReceiver _sut;

    public TelegramWebhookReceiverTests()
    {
        _inbox = new SqliteChatInbox(_db.Database, _time);
        var options = Options.Create(new TelegramOptions { WebhookSecret = Secret, InboxCapacity = Capacity });
        var recorder = new TelegramUpdateRecorder(_inbox, new TelegramSignals(), _time, options, NullLogger<TelegramUpdateRecorder>.Instance);
        _sut = new TelegramWebhookReceiver(options, recorder, NullLogger<TelegramWebhookReceiver>.Instance);
    }

    public void Dispose() => _db.Dispose();

    private static MemoryStream Body(string json) => new(Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("webhook_secret-12")]
    [InlineData("webhook_secret-1234")]
    [InlineData("WEBHOOK_SECRET-123")]
    public async Task AWrongOrMissingSecret_IsUnauthorized_BeforeTheBodyIsRead(string? secret)
    {
        var outcome = await _sut.ReceiveAsync(secret, new UnreadableStream(), CancellationToken.None);

        Assert.Equal(WebhookOutcome.Unauthorized, outcome);
        Assert.Empty(await _inbox.ListPendingAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task TheRightSecret_RecordsTheUpdateExactlyAsReceived_Once()
    {
        var json = TelegramUpdates.Text(9001, 42, 5, "/help");

        Assert.Equal(WebhookOutcome.Recorded, await _sut.ReceiveAsync(Secret, Body(json), CancellationToken.None));
        Assert.Equal(WebhookOutcome.Duplicate, await _sut.ReceiveAsync(Secret, Body(json), CancellationToken.None));

        var recorded = Assert.Single(await _inbox.ListPendingAsync(10, CancellationToken.None));
        Assert.Equal((9001, json), (recorded.UpdateId, recorded.Payload));
    }

    [Fact]
    public async Task AFullInbox_RefusesBeforeTheBodyIsRead_AndTakesUpdatesAgainOnceSomeAreActedOn()
    {
        for (var id = 1; id <= Capacity; id++)
        {
            Assert.Equal(WebhookOutcome.Recorded, await _sut.ReceiveAsync(Secret, Body(TelegramUpdates.Text(id, 42, id, "/help")), CancellationToken.None));
        }

        Assert.Equal(WebhookOutcome.Full, await _sut.ReceiveAsync(Secret, new UnreadableStream(), CancellationToken.None));
        await _inbox.MarkProcessedAsync(1, CancellationToken.None);
        Assert.Equal(WebhookOutcome.Full, await _sut.ReceiveAsync(Secret, new UnreadableStream(), CancellationToken.None));

        // The processed update is seen at the next count, which a full inbox takes after a second.
        _time.Advance(BacklogGauge.FullRecheck);
        var next = TelegramUpdates.Text(Capacity + 1, 42, Capacity + 1, "/help");

        Assert.Equal(WebhookOutcome.Recorded, await _sut.ReceiveAsync(Secret, Body(next), CancellationToken.None));
        Assert.Equal(Capacity, await _inbox.CountPendingAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"message\":{}}")]
    public async Task ABodyThatIsNoUpdate_IsMalformed(string body) =>
        Assert.Equal(WebhookOutcome.Malformed, await _sut.ReceiveAsync(Secret, Body(body), CancellationToken.None));

    private sealed class UnreadableStream : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("The body was read.");

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => throw new InvalidOperationException("The body was read.");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => throw new InvalidOperationException("The body was read.");
    }
}
