using Microsoft.Extensions.Options;
using SmsGateway.Telegram.Configuration;
using Telegram.Bot;

namespace SmsGateway.Telegram.Bot;

/// <summary>
/// The Bot API client, and the one place that knows the token, so it can also scrub it from error texts.
/// </summary>
/// <remarks>
/// A plain <see cref="HttpClient"/> on purpose: the IHttpClientFactory logging handlers write request
/// URLs to the log, and every Bot API URL contains the token. No HttpClient timeout either: each call
/// carries its own (long polls wait far longer than sends may).
/// </remarks>
public sealed class TelegramConnection : IDisposable
{
    private const string Redacted = "<bot-token>";

    private readonly HttpClient _http;
    private readonly string _token;

    public TelegramConnection(IOptions<TelegramOptions> options)
    {
        var settings = options.Value;
        _token = settings.BotToken ?? throw new InvalidOperationException("Telegram:BotToken is not set; the bridge should not have been started.");
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(3) }) { Timeout = Timeout.InfiniteTimeSpan };

        // RetryThreshold 0: 429 answers come back to the outbox, which honours retry_after without blocking other chats.
        var clientOptions = new TelegramBotClientOptions(_token, settings.ApiBaseUrl) { RetryThreshold = 0 };
        Client = new TelegramBotClient(clientOptions, _http);
    }

    public ITelegramBotClient Client { get; }

    /// <summary>A one-line description of <paramref name="exception"/> and its causes, with the token removed.</summary>
    public string Describe(Exception exception)
    {
        var parts = new List<string>();
        for (var e = exception; e is not null && parts.Count < 4; e = e.InnerException)
        {
            parts.Add($"{e.GetType().Name}: {e.Message}");
        }

        return Scrub(string.Join(" ← ", parts));
    }

    /// <summary><paramref name="text"/> with the token (and its URL-encoded form) replaced.</summary>
    public string Scrub(string text) =>
        text.Replace(_token, Redacted, StringComparison.Ordinal)
            .Replace(Uri.EscapeDataString(_token), Redacted, StringComparison.Ordinal);

    public void Dispose() => _http.Dispose();
}
