using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SmsGateway.Testing.Telegram;

/// <summary>
/// A Bot API server on 127.0.0.1 speaking real HTTP, for Telegram.Bot pointed at it through
/// <c>Telegram:ApiBaseUrl</c>. Implements getMe, getUpdates (long polling), sendMessage, editMessageText,
/// setMessageReaction, setWebhook and deleteWebhook; records every call with its JSON; answers 429, 5xx or
/// not at all when told to.
/// </summary>
public sealed class FakeBotApiServer : IAsyncDisposable
{
    public const string Token = "123456789:AAH-fake-token-for-tests_0123456789abc";
    public const long BotId = 123456789;

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<BotApiCall> _calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<BotApiFault>> _faults = new();
    private readonly UpdateFeed _updates = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private int _nextMessageId = 1000;

    private FakeBotApiServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The base URL to give Telegram.Bot (<c>http://127.0.0.1:port</c>).</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>When true every call answers 502, as during a Telegram outage.</summary>
    public bool Down { get; set; }

    /// <summary>The longest a getUpdates call waits, whatever timeout it asks for.</summary>
    public TimeSpan MaxLongPoll { get; set; } = TimeSpan.FromSeconds(1);

    public IReadOnlyList<BotApiCall> Calls => [.. _calls];

    public static async Task<FakeBotApiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeBotApiServer(app);
        app.MapPost("/bot{token}/{method}", server.HandleAsync);
        app.MapGet("/bot{token}/{method}", server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

    /// <summary>Makes the next <paramref name="count"/> calls of <paramref name="method"/> fail with <paramref name="fault"/>.</summary>
    public void FailNext(string method, BotApiFault fault, int count = 1)
    {
        var queue = _faults.GetOrAdd(method, _ => new ConcurrentQueue<BotApiFault>());
        for (var i = 0; i < count; i++)
        {
            queue.Enqueue(fault);
        }
    }

    /// <summary>Queues an update (JSON exactly as the Bot API documents it) for getUpdates.</summary>
    public void EnqueueUpdate(string updateJson) => _updates.Add(updateJson, force: false);

    /// <summary>Hands out an update again even though it was confirmed, as Telegram does after a lost confirmation.</summary>
    public void Redeliver(string updateJson) => _updates.Add(updateJson, force: true);

    public IReadOnlyList<BotApiCall> CallsOf(string method) => Calls.Where(c => c.Method == method).ToList();

    /// <summary>Successful sendMessage texts to <paramref name="chatId"/>, in order.</summary>
    public IReadOnlyList<string> SentTexts(long chatId) =>
        CallsOf("sendMessage").Where(c => c.Succeeded && c.ChatId == chatId).Select(c => c.Text!).ToList();

    /// <summary>Polls the recorded calls until <paramref name="predicate"/> holds for the list; fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<BotApiCall>> WaitForAsync(Func<IReadOnlyList<BotApiCall>, bool> predicate, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var calls = Calls;
            if (predicate(calls))
            {
                return calls;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The fake Bot API did not see the expected calls. Calls: " + string.Join(" | ", calls.Select(c => $"{c.Method}({c.Status}) {c.Body}")));
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
        _updates.Dispose();
    }

    private async Task HandleAsync(HttpContext context, string token, string method)
    {
        var body = await ReadBodyAsync(context.Request);
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        var (status, answer) = token != Token
            ? (401, Error(401, "Unauthorized", null))
            : await AnswerAsync(method, body, aborted.Token);
        var messageId = answer["result"] is JsonObject result && result["message_id"] is { } id ? id.GetValue<int>() : (int?)null;
        _calls.Enqueue(new BotApiCall(method, body, DateTimeOffset.UtcNow, status, messageId));
        if (status == 0)
        {
            return;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.ToJsonString(), CancellationToken.None);
    }

    private async Task<(int Status, JsonNode Answer)> AnswerAsync(string method, JsonElement body, CancellationToken aborted)
    {
        if (Down)
        {
            return (502, Error(502, "Bad Gateway", null));
        }

        if (_faults.TryGetValue(method, out var faults) && faults.TryDequeue(out var fault))
        {
            if (fault.Hang)
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, aborted);
                }
                catch (OperationCanceledException)
                {
                }

                return (0, new JsonObject());
            }

            return (fault.Status, Error(fault.Status, fault.Description ?? "Error", fault.RetryAfter));
        }

        return method switch
        {
            "getMe" => Ok(new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "SMS Gateway", ["username"] = "sms_gateway_test_bot" }),
            "getUpdates" => Ok(await _updates.TakeAsync(body, MaxLongPoll, aborted)),
            "sendMessage" => Ok(NewMessage(body, NextMessageId())),
            "editMessageText" => Ok(NewMessage(body, body.GetProperty("message_id").GetInt32())),
            "setMessageReaction" or "setWebhook" or "deleteWebhook" => Ok(true),
            _ => (404, Error(404, "Not Found: method not found", null)),
        };
    }

    private int NextMessageId()
    {
        lock (_lock)
        {
            return ++_nextMessageId;
        }
    }

    private static JsonObject NewMessage(JsonElement body, int messageId)
    {
        var chatId = body.GetProperty("chat_id").GetInt64();
        return new JsonObject
        {
            ["message_id"] = messageId,
            ["from"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "SMS Gateway", ["username"] = "sms_gateway_test_bot" },
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatId < 0 ? "group" : "private", ["title"] = chatId < 0 ? "Group" : null },
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["text"] = body.TryGetProperty("text", out var text) ? text.GetString() : null,
        };
    }

    private static (int, JsonNode) Ok(JsonNode? result) => (200, new JsonObject { ["ok"] = true, ["result"] = result });

    private static JsonObject Error(int code, string description, int? retryAfter)
    {
        var error = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is { } seconds)
        {
            error["parameters"] = new JsonObject { ["retry_after"] = seconds };
        }

        return error;
    }

    private static async Task<JsonElement> ReadBodyAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            var node = new JsonObject();
            foreach (var field in form)
            {
                node[field.Key] = field.Value.ToString();
            }

            return JsonSerializer.SerializeToElement(node);
        }

        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync();
        return JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text).RootElement.Clone();
    }
}
