using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Webhooks;
using SmsGateway.Storage.Embedded;
using SmsGateway.Testing;

namespace SmsGateway.Webhooks.Tests.Support;

/// <summary>
/// A deliverer over a real SQLite store and a scripted receiver, on a fake clock with a middle jitter draw, so retry
/// times are exact. Events are stored the way the gateway stores them: with a status change.
/// </summary>
internal sealed class DelivererRig : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    private readonly TempDatabase _db = new();
    private readonly SqliteMessageStore _messages;
    private readonly WebhookEventFactory _events;

    public DelivererRig()
    {
        Store = new SqliteWebhookStore(_db.Database, Time);
        _messages = new SqliteMessageStore(_db.Database, Time);
        _events = new WebhookEventFactory(Time);
        var policy = new WebhookAddressPolicy(allowHttp: false, allowPrivateNetworks: false);
        Sender = new WebhookSender(new HttpClient(Receiver), policy, Time, RequestTimeout);
        Sut = new WebhookDeliverer(
            Store, Sender, new WebhookRetrySchedule(TimeSpan.FromHours(24), new FixedRandom(0.5)), WakeUp, Metrics, Time,
            TimeSpan.FromSeconds(50), NullLogger<WebhookDeliverer>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public ScriptedReceiver Receiver { get; } = new();

    public SqliteWebhookStore Store { get; }

    public WebhookSender Sender { get; }

    public WebhookWakeUp WakeUp { get; } = new();

    public WebhookMetrics Metrics { get; } = new(new TestMeterFactory());

    public WebhookDeliverer Sut { get; }

    public async Task<WebhookEndpoint> AddEndpointAsync(string id = "wh_a", string url = "https://hooks.example.com/in")
    {
        var endpoint = new WebhookEndpoint
        {
            Id = id,
            Url = new Uri(url),
            Events = [WebhookEventTypes.Any],
            Secret = WebhookSecret.New(),
            CreatedAt = Time.GetUtcNow(),
        };
        await Store.AddEndpointAsync(endpoint, default);
        return endpoint;
    }

    /// <summary>Stores a message and its move to sent, with the message.sent event, as the gateway does.</summary>
    public async Task<WebhookEvent> StoreSentEventAsync()
    {
        var now = Time.GetUtcNow();
        var message = new Message
        {
            Id = Message.NewId(now),
            Text = "hi",
            Destinations = [Destination.Sms("+4915112345678") with { Status = DestinationStatus.Sending, Attempts = 1 }],
            CreatedAt = now,
            UpdatedAt = now,
        };
        await _messages.CreateAsync(message, null, default);
        var sent = message.WithDestination(0, message.Destinations[0] with { Status = DestinationStatus.Sent, SentAt = now }, now);
        var reported = _events.ForStatusChange(sent, 0, DestinationStatus.Sending)!;
        await _messages.UpdateAsync(sent, "1", [reported], default);
        return reported;
    }

    public void Dispose() => _db.Dispose();
}
