using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Hosting;
using SmsGateway.Core.Modem;
using SmsGateway.Core.Options;
using SmsGateway.Core.Receiving.Inbound;
using SmsGateway.Core.Sending.Policy;
using SmsGateway.Core.Sending.Records;
using SmsGateway.Core.Telemetry;
using SmsGateway.Storage.Embedded;
using SmsGateway.Telegram.Hosting;
using SmsGateway.Testing.Telegram;
using SmsGateway.Testing;

namespace SmsGateway.Telegram.Tests.Support;

/// <summary>
/// The bridge in a generic host, as the standalone gateway runs it (real SQLite in a temporary folder,
/// real intake, Telegram.Bot talking HTTP to the fake Bot API) but with a stub modem and no outbound
/// worker, so tests decide when an SMS changes status.
/// </summary>
public sealed class BridgeHost : IAsyncDisposable
{
    public const long ChatA = 4242;
    public const long ChatB = -100777;
    public const long Stranger = 666;

    private readonly IHost _host;

    private BridgeHost(IHost host, string dataPath, LogCollector logs)
    {
        _host = host;
        DataPath = dataPath;
        Logs = logs;
    }

    public string DataPath { get; }

    public LogCollector Logs { get; }

    public IServiceProvider Services => _host.Services;

    public static async Task<BridgeHost> StartAsync(FakeBotApiServer api, IDictionary<string, string?>? settings = null, string? dataPath = null)
    {
        dataPath ??= Directory.CreateTempSubdirectory("smsgw-telegram-").FullName;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var configuration = new Dictionary<string, string?>
        {
            ["Storage:Path"] = dataPath,
            ["Telegram:BotToken"] = FakeBotApiServer.Token,
            ["Telegram:ApiBaseUrl"] = api.BaseUrl,
            ["Telegram:ChatIds:0"] = ChatA.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Telegram:ChatIds:1"] = ChatB.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Telegram:PollingTimeoutSeconds"] = "1",
            // Generous: the first Bot API calls of a process are slow (JIT) on a busy 2-core machine.
            ["Telegram:RequestTimeout"] = "00:00:10",
            ["Telegram:PerChatInterval"] = "00:00:00.020",
            ["Telegram:RetryBaseDelay"] = "00:00:00.050",
            ["Telegram:RetryMaxDelay"] = "00:00:00.300",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        var logs = new LogCollector();
        builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddValidatedOptions<EmbeddedStorageOptions>(EmbeddedStorageOptions.SectionName);
        builder.Services.AddEmbeddedStorage();
        builder.Services.AddEmbeddedQueue();
        builder.Services.AddMessageIntake();
        builder.Services.AddDestinationPolicy();
        builder.Services.AddGatewayMetrics();
        // A status to report; these tests never send (no outbound worker runs).
        builder.Services.AddSingleton<ISmsModem>(new ScriptedModem
        {
            Status = new() { Connected = true, Manufacturer = "SIMCOM_Ltd", Model = "SIMCOM_SIM800", Operator = "Simulated GSM", Registered = true, SignalDbm = -73 },
        });
        builder.AddTelegramBridge();
        var host = builder.Build();
        await host.StartAsync();
        return new BridgeHost(host, dataPath, logs);
    }

    /// <summary>Tells the bridge about a stored inbound SMS, as the inbound assembler does.</summary>
    public async Task ReceiveSmsAsync(InboundMessage message)
    {
        foreach (var listener in Services.GetServices<IInboundMessageListener>())
        {
            await listener.OnInboundMessageAsync(message, CancellationToken.None);
        }
    }

    public static InboundMessage Sms(string text, string sender = "+4915112345678", IReadOnlyList<int>? missing = null, int parts = 1) => new()
    {
        Id = Message.NewId(DateTimeOffset.UtcNow),
        Sender = sender,
        SentAt = new DateTimeOffset(2025, 3, 14, 15, 9, 26, TimeSpan.FromHours(1)),
        ReceivedAt = DateTimeOffset.UtcNow,
        Text = text,
        Parts = parts,
        MissingParts = missing ?? [],
    };

    /// <summary>Telegram posts in the outbox not delivered yet.</summary>
    public Task<int> PendingPostsAsync() =>
        Services.GetRequiredService<Core.Outbox.IOutbox>().CountPendingAsync(Telegram.Posting.TelegramOutboxWriter.ChannelPrefix, CancellationToken.None);

    /// <summary>The messages intake stored, oldest first.</summary>
    public async Task<IReadOnlyList<Message>> StoredMessagesAsync()
    {
        var store = Services.GetRequiredService<IMessageStore>();
        var messages = new List<Message>();
        foreach (var id in await store.FindWithDestinationStatusAsync(DestinationStatus.Queued, 100, CancellationToken.None))
        {
            messages.Add((await store.GetAsync(id, CancellationToken.None))!.Message);
        }

        return messages;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Moves the first destination through <paramref name="statuses"/>, as the outbound worker and delivery reports would.</summary>
    public async Task MoveToAsync(string messageId, params DestinationStatus[] statuses)
    {
        var updater = Services.GetRequiredService<MessageUpdater>();
        foreach (var status in statuses)
        {
            await updater.UpdateDestinationAsync(messageId, 0, d => d.MoveTo(status) with
            {
                Attempts = status == DestinationStatus.Sending ? d.Attempts + 1 : d.Attempts,
                Error = status == DestinationStatus.Failed ? "PermanentError after 1 attempt(s): +CMS ERROR 500" : d.Error,
            }, CancellationToken.None);
        }
    }
}
