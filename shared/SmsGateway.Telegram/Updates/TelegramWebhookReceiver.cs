using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmsGateway.Telegram.Configuration;

namespace SmsGateway.Telegram.Updates;

/// <summary>
/// The host-agnostic part of <c>POST /api/telegram/webhook</c>: checks the secret before reading anything,
/// then records the update as received. Acting on it happens later, from the inbox, so the answer (200)
/// only waits for one durable write. A full inbox answers 503: Telegram repeats the update later.
/// </summary>
public sealed class TelegramWebhookReceiver
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>What a full inbox asks for in <c>Retry-After</c> (Telegram backs off on its own; other callers may read it).</summary>
    public static readonly TimeSpan FullRetryAfter = TimeSpan.FromSeconds(5);

    private readonly byte[] _secretHash;
    private readonly TelegramUpdateRecorder _recorder;
    private readonly ILogger<TelegramWebhookReceiver> _logger;

    public TelegramWebhookReceiver(IOptions<TelegramOptions> options, TelegramUpdateRecorder recorder, ILogger<TelegramWebhookReceiver> logger)
    {
        // Comparing hashes keeps the comparison constant-time even in the secret's length.
        _secretHash = SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.WebhookSecret ?? string.Empty));
        _recorder = recorder;
        _logger = logger;
    }

    public bool IsAuthorized(string? presented) =>
        !string.IsNullOrEmpty(presented)
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _secretHash);

    public async Task<WebhookOutcome> ReceiveAsync(string? presentedSecret, Stream body, CancellationToken cancellationToken)
    {
        if (!IsAuthorized(presentedSecret))
        {
            TelegramLog.WebhookUnauthorized(_logger);
            return WebhookOutcome.Unauthorized;
        }

        // Checked before the body is read: a full inbox refuses at once, and Telegram sends the update again later.
        if (!await _recorder.HasRoomAsync(cancellationToken))
        {
            return WebhookOutcome.Full;
        }

        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken);
        var json = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        if (!TryReadUpdateId(json, out var updateId))
        {
            return WebhookOutcome.Malformed;
        }

        return await _recorder.RecordAsync(updateId, json, cancellationToken) ? WebhookOutcome.Recorded : WebhookOutcome.Duplicate;
    }

    private static bool TryReadUpdateId(string json, out long updateId)
    {
        updateId = 0;
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("update_id", out var id)
                && id.TryGetInt64(out updateId);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
