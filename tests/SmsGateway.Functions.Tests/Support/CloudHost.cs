using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SmsGateway.Azure.ServiceBus;
using SmsGateway.Functions.Hosting;
using SmsGateway.Testing;
using SmsGateway.Testing.Azurite;
using SmsGateway.Testing.ServiceBus;
using SmsGateway.Testing.Telegram;

namespace SmsGateway.Functions.Tests.Support;

/// <summary>
/// The functions' services exactly as <c>Program</c> registers them (<c>AddCloudGateway</c>), started so that
/// options are validated, with Azurite tables, the in-memory Service Bus at the SDK seam, a fake clock and, for the
/// Telegram bridge, the fake Bot API on loopback.
/// Function classes are created from it the way the worker does, and invoked with a built request.
/// </summary>
internal sealed class CloudHost : IAsyncDisposable
{
    public const string AgentA = "site-a";
    public const string KeyA = "key-of-site-a";
    public const string AgentB = "site-b";
    public const string KeyB = "key-of-site-b";
    public const string WebhookSecret = "hook-secret_0123";

    private readonly IHost _host;

    private CloudHost(IHost host, FakeTimeProvider time, InMemoryServiceBus bus, LogCollector logs)
    {
        _host = host;
        Time = time;
        Bus = bus;
        Logs = logs;
    }

    public FakeTimeProvider Time { get; }

    public InMemoryServiceBus Bus { get; }

    public LogCollector Logs { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>
    /// Starts the functions' services; with <paramref name="telegram"/> the bridge is on and talks to that fake Bot API.
    /// <paramref name="overrides"/> replace or add settings.
    /// </summary>
    public static async Task<CloudHost> StartAsync(AzuriteFixture azurite, FakeBotApiServer? telegram = null, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var bus = new InMemoryServiceBus(time).AddSubscription("sms");
        var logs = new LogCollector();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Development" });
        var settings = new Dictionary<string, string?>
        {
            ["Tables:ConnectionString"] = azurite.ConnectionString,
            ["Tables:TablePrefix"] = TestTables.NewPrefix(),

            // Never dialled: the Service Bus channel below replaces the client at the SDK seam.
            ["ServiceBus:ConnectionString"] = "Endpoint=sb://unused.servicebus.windows.net/;SharedAccessKeyName=x;SharedAccessKey=eA==",
            ["Agents:OfflineAfter"] = "00:05:00",
            [$"Agents:{AgentA}:KeyHash"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(KeyA))),

            // As a Key Vault reference resolves: the key itself.
            [$"Agents:{AgentB}:Key"] = KeyB,
            ["Outbound:LockDuration"] = "00:05:00",
        };
        if (telegram is not null)
        {
            settings["Telegram:BotToken"] = FakeBotApiServer.Token;
            settings["Telegram:ApiBaseUrl"] = telegram.BaseUrl;
            settings["Telegram:RequestTimeout"] = "00:00:10";
            settings["Telegram:Mode"] = "webhook";
            settings["Telegram:WebhookUrl"] = "https://gateway.example/api/telegram/webhook";
            settings["Telegram:WebhookSecret"] = WebhookSecret;
            settings["Telegram:ChatIds:0"] = "42";
        }

        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IServiceBusChannel>(bus);
        builder.AddCloudGateway();
        var host = builder.Build();
        await host.StartAsync();
        return new CloudHost(host, time, bus, logs);
    }

    /// <summary>A function class with its dependencies from the container, as the worker creates it per invocation.</summary>
    public T Function<T>() => ActivatorUtilities.CreateInstance<T>(Services);

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public HttpRequest Request(string method, string path, string? body = null, string? contentType = "application/json", params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext { RequestServices = Services };
        context.Request.Method = method;
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("gateway.example");
        context.Request.Path = path;
        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
        }

        if (contentType is not null)
        {
            context.Request.ContentType = contentType;
        }

        foreach (var (name, value) in headers)
        {
            context.Request.Headers[name] = value;
        }

        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    /// <summary>Runs what a function returned against its request's context, as the worker's middleware does, and reads the answer.</summary>
    public static async Task<TestResponse> ExecuteAsync(HttpRequest request, IResult result)
    {
        var context = request.HttpContext;
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        using var reader = new StreamReader(context.Response.Body);
        return new TestResponse(context.Response.StatusCode, context.Response.Headers, context.Response.ContentType, await reader.ReadToEndAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
