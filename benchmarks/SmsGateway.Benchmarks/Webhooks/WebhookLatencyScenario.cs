using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using SmsGateway.Core.Domain;
using SmsGateway.Core.Options;
using SmsGateway.Core.Sending.Records;
using SmsGateway.Storage.Embedded;
using SmsGateway.Testing.Webhooks;
using SmsGateway.Webhooks;

namespace SmsGateway.Benchmarks.Webhooks;

/// <summary>
/// Status change → webhook POST received: destinations move to <c>sent</c> through <see cref="MessageUpdater"/> on the
/// real SQLite store (the event is written in the same transaction) at a constant rate, and a Kestrel receiver on
/// loopback notes when each <c>message.sent</c> arrives. Open loop: a change is due at <c>i / rate</c> and its latency
/// runs from then, so a stalled dispatcher counts against every event it held up. Measured with
/// <c>Storage:Synchronous</c> Full (the default: every commit waits for the disk) and Normal.
/// </summary>
internal sealed class WebhookLatencyScenario : IBenchmarkScenario
{
    private const int PerSecond = 100;

    public string Name => "webhooks";

    public async Task<JsonObject> RunAsync(BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        var total = settings.CountOr(3000, 20);
        return new JsonObject
        {
            ["synchronousFull"] = await MeasureAsync(total, "Full", Path.Combine(settings.WorkDirectory, "full"), cancellationToken),
            ["synchronousNormal"] = await MeasureAsync(total, "Normal", Path.Combine(settings.WorkDirectory, "normal"), cancellationToken),
        };
    }

    private static async Task<JsonObject> MeasureAsync(int total, string synchronous, string folder, CancellationToken cancellationToken)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Path"] = folder,
            ["Storage:Synchronous"] = synchronous,
            ["Webhooks:Endpoints:0:Url"] = receiver.Url.ToString(),
            ["Webhooks:Endpoints:0:Secret"] = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            ["Webhooks:AllowHttp"] = "true",
            ["Webhooks:AllowPrivateNetworks"] = "true",
        });
        builder.Services.AddValidatedOptions<EmbeddedStorageOptions>(EmbeddedStorageOptions.SectionName);
        builder.Services.AddEmbeddedStorage();
        builder.Services.AddWebhooks();
        builder.Services.TryAddSingleton<MessageUpdater>();
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);

        var store = host.Services.GetRequiredService<IMessageStore>();
        var updater = host.Services.GetRequiredService<MessageUpdater>();

        // Warm-up (not measured): JIT, the first connection, SQLite's first pages.
        var warmUp = await CreateSendingAsync(store, 20, cancellationToken);
        foreach (var id in warmUp)
        {
            await MarkSentAsync(updater, id, cancellationToken);
        }

        while (receiver.Accepted.Count < warmUp.Length)
        {
            await Task.Delay(10, cancellationToken);
        }

        var ids = await CreateSendingAsync(store, total, cancellationToken);
        var warmedUp = receiver.Accepted.Count;
        var start = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var changes = new List<Task>(total);
        for (var sent = 0; sent < total;)
        {
            var due = Math.Min(total, (int)(clock.Elapsed.TotalSeconds * PerSecond) + 1);
            for (; sent < due; sent++)
            {
                var id = ids[sent];
                changes.Add(Task.Run(() => MarkSentAsync(updater, id, cancellationToken), cancellationToken));
            }

            await Task.Delay(1, cancellationToken);
        }

        await Task.WhenAll(changes);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (receiver.Accepted.Count < warmedUp + total && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, cancellationToken);
        }

        await host.StopAsync(cancellationToken);
        var index = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        var measured = receiver.Accepted.Skip(warmedUp).ToList();
        var latencies = measured
            .Select(r => (r.ReceivedAt - (start + TimeSpan.FromSeconds((double)index[MessageId(r)] / PerSecond))).TotalMilliseconds)
            .Order()
            .ToArray();
        return new JsonObject
        {
            ["targetPerSecond"] = PerSecond,
            ["events"] = total,
            ["received"] = measured.Select(MessageId).Distinct().Count(),
            ["p50Ms"] = Math.Round(Percentile(latencies, 0.50), 2),
            ["p99Ms"] = Math.Round(Percentile(latencies, 0.99), 2),
            ["maxMs"] = Math.Round(latencies.Length == 0 ? 0 : latencies[^1], 2),
        };
    }

    private static Task MarkSentAsync(MessageUpdater updater, string id, CancellationToken cancellationToken) =>
        updater.UpdateDestinationAsync(id, 0, d => d.MoveTo(DestinationStatus.Sent) with { SentAt = DateTimeOffset.UtcNow }, cancellationToken);

    private static async Task<string[]> CreateSendingAsync(IMessageStore store, int count, CancellationToken cancellationToken)
    {
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            var now = DateTimeOffset.UtcNow;
            var message = new Message
            {
                Id = Message.NewId(now),
                Text = "benchmark",
                Destinations = [Destination.Sms("+4915112345678") with { Status = DestinationStatus.Sending, Attempts = 1 }],
                CreatedAt = now,
                UpdatedAt = now,
            };
            await store.CreateAsync(message, null, cancellationToken);
            ids[i] = message.Id;
        }

        return ids;
    }

    private static string MessageId(WebhookRequest request)
    {
        using var body = JsonDocument.Parse(request.Body);
        return body.RootElement.GetProperty("data").GetProperty("messageId").GetString()!;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
