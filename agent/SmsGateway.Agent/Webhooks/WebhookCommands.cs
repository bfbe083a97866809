using System.Globalization;
using SmsGateway.Agent.Hosting;
using SmsGateway.Core.Options;
using SmsGateway.Core.Webhooks;
using SmsGateway.Http.Webhooks;
using SmsGateway.Storage.Embedded;

namespace SmsGateway.Agent.Webhooks;

/// <summary>
/// <c>webhooks list</c>, <c>webhooks deliveries &lt;endpointId&gt; [--status pending|delivered|failed] [--limit N]</c> and
/// <c>webhooks replay &lt;endpointId&gt; &lt;eventId|failed&gt;</c>: the same as <c>/api/webhooks</c>, on the SQLite database
/// under <c>Storage:Path</c>, whether or not the agent runs (a running agent sends a replayed event at its next poll).
/// </summary>
public static class WebhookCommands
{
    public const int Success = 0;
    public const int NotFound = 1;
    public const int UsageError = 64;
    public const int Unavailable = 69;

    public const string Usage = """
        usage: SmsGateway.Agent webhooks list [--<Setting>=<value> ...]
               SmsGateway.Agent webhooks deliveries <endpointId> [--status pending|delivered|failed] [--limit <n>] [--<Setting>=<value> ...]
               SmsGateway.Agent webhooks replay <endpointId> <eventId|failed> [--<Setting>=<value> ...]
        exit codes: 0 done, 1 not found, 2 configuration error, 64 usage, 69 storage unavailable
        """;

    private static readonly string[] States = ["pending", "delivered", "failed"];

    public static bool Handles(string verb) => verb == "webhooks";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var settings = args.Skip(2).Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal)).ToArray();
        var words = args.Skip(1).Except(settings).ToList();
        var status = Option(words, "--status");
        var limitText = Option(words, "--limit");
        var positional = words.Where((w, i) => !w.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !words[i - 1].StartsWith("--", StringComparison.Ordinal))).ToList();
        var limit = 100;
        var valid = positional switch
        {
            ["list"] => true,
            ["deliveries", _] => (status is null || States.Contains(status)) && (limitText is null || (int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= 10_000)),
            ["replay", _, _] => true,
            _ => false,
        };
        if (!valid)
        {
            await error.WriteLineAsync(Usage);
            return UsageError;
        }

        try
        {
            await using var services = Build(settings);
            var store = services.GetRequiredService<IWebhookStore>();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            return positional[0] switch
            {
                "list" => await ListAsync(store, output, timeout.Token),
                "deliveries" => await DeliveriesAsync(store, positional[1], status, limit, output, error, timeout.Token),
                _ => await ReplayAsync(store, positional[1], positional[2], output, error, timeout.Token),
            };
        }
        catch (Exception ex) when (ConfigurationErrors.TryReport(ex, error))
        {
            return ConfigurationErrors.ExitCode;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await error.WriteLineAsync($"Webhooks unavailable: {ex.GetType().Name}: {ex.Message}");
            return Unavailable;
        }
    }

    private static async Task<int> ListAsync(IWebhookStore store, TextWriter output, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var endpoints = await store.ListEndpointsAsync(cancellationToken);
        await output.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(
            new WebhookEndpointListResponse([.. endpoints.Select(e => WebhookEndpointResponse.From(e, now))]), WebhooksJsonContext.Default.WebhookEndpointListResponse));
        return Success;
    }

    private static async Task<int> DeliveriesAsync(IWebhookStore store, string endpointId, string? status, int limit, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (await store.GetEndpointAsync(endpointId, cancellationToken) is null)
        {
            await error.WriteLineAsync($"There is no webhook with id '{endpointId}'.");
            return NotFound;
        }

        WebhookDeliveryState? state = status is null ? null : Enum.Parse<WebhookDeliveryState>(status, ignoreCase: true);
        var deliveries = await store.ListDeliveriesAsync(endpointId, state, limit, cancellationToken);
        await output.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(
            new WebhookDeliveryListResponse([.. deliveries.Select(WebhookDeliveryResponse.From)]), WebhooksJsonContext.Default.WebhookDeliveryListResponse));
        return Success;
    }

    private static async Task<int> ReplayAsync(IWebhookStore store, string endpointId, string target, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (await store.GetEndpointAsync(endpointId, cancellationToken) is null)
        {
            await error.WriteLineAsync($"There is no webhook with id '{endpointId}'.");
            return NotFound;
        }

        IReadOnlyList<string> chosen = target == "failed"
            ? [.. (await store.ListDeliveriesAsync(endpointId, WebhookDeliveryState.Failed, 10_000, cancellationToken)).Select(d => d.EventId)]
            : [target];
        var replayed = new List<string>();
        var notFound = new List<string>();
        foreach (var eventId in chosen)
        {
            (await store.ReplayAsync(endpointId, eventId, cancellationToken) ? replayed : notFound).Add(eventId);
        }

        await output.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(new WebhookReplayOutput(replayed, notFound), WebhooksJsonContext.Default.WebhookReplayOutput));
        return notFound.Count == 0 ? Success : NotFound;
    }

    private static string? Option(List<string> words, string name)
    {
        var index = words.IndexOf(name);
        return index >= 0 && index + 1 < words.Count ? words[index + 1] : null;
    }

    // The store only: nothing is started, and the folder's lock is not taken (the agent may be running).
    private static ServiceProvider Build(string[] configurationArgs)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = configurationArgs, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddValidatedOptions<EmbeddedStorageOptions>(EmbeddedStorageOptions.SectionName);
        builder.Services.AddEmbeddedStorage(ownsFolder: false);
        return builder.Services.BuildServiceProvider();
    }
}
