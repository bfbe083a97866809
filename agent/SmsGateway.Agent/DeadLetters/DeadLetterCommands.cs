using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using SmsGateway.Agent.Api;
using SmsGateway.Agent.Hosting;
using SmsGateway.Core.Phone;

namespace SmsGateway.Agent.DeadLetters;

/// <summary>
/// <c>deadletters list [--json] [--limit N]</c> and <c>deadletters replay &lt;itemId|messageId|all&gt;</c>, on the
/// configured shape: the SQLite database under <c>Storage:Path</c> (standalone, whether or not the agent
/// runs) or the Service Bus dead-letter queues (<c>Gateway:Mode=cloud</c>). Settings are given like the
/// agent's own (<c>--Storage:Path=/var/lib/smsgateway</c>, environment, appsettings.json).
/// </summary>
public static class DeadLetterCommands
{
    /// <summary>Done: listed, or every requested dead letter replayed.</summary>
    public const int Success = 0;

    /// <summary>A named dead letter (or message) has no dead letter to replay.</summary>
    public const int NotFound = 1;

    /// <summary>A setting is invalid; one line per setting on standard error, as the agent itself.</summary>
    public const int ConfigurationError = ConfigurationErrors.ExitCode;

    /// <summary>The database or Service Bus could not be reached or read.</summary>
    public const int Unavailable = 69;

    public const int UsageError = 64;

    private const int MaxListed = 10_000;

    public const string Usage = """
        usage: SmsGateway.Agent deadletters list [--json] [--limit <n>] [--<Setting>=<value> ...]
               SmsGateway.Agent deadletters replay <itemId|messageId|all> [--<Setting>=<value> ...]
        exit codes: 0 done, 1 not found, 2 configuration error, 64 usage, 69 storage or Service Bus unavailable
        """;

    private static readonly JsonSerializerOptions Json = new(ApiJsonContext.Default.Options)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(ApiJsonContext.Default, DeadLettersJsonContext.Default),
    };

    public static bool Handles(string verb) => verb == "deadletters";

    /// <summary>Runs the command in <paramref name="args"/> (<c>deadletters …</c>); <paramref name="customize"/> lets tests bring their own Service Bus channel.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Action<IHostApplicationBuilder>? customize = null)
    {
        // "--Key=value" are settings; the rest belongs to the command.
        var settings = args.Skip(2).Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal)).ToArray();
        var words = args.Skip(1).Except(settings).ToList();
        var verb = words.FirstOrDefault();
        var limit = MaxListed;
        var limitIndex = words.IndexOf("--limit");
        if (limitIndex >= 0 && (limitIndex + 1 >= words.Count || !int.TryParse(words[limitIndex + 1], NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1))
        {
            return Fail(error, Usage);
        }

        var target = words.Skip(1).FirstOrDefault(w => !w.StartsWith("--", StringComparison.Ordinal));
        if (verb is not ("list" or "replay") || (verb == "replay" && target is null))
        {
            return Fail(error, Usage);
        }

        try
        {
            await using var operations = DeadLetterOperations.Create(settings, customize);
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            return verb == "list"
                ? await ListAsync(operations, limit, words.Contains("--json"), output, timeout.Token)
                : await ReplayAsync(operations, target!, output, timeout.Token);
        }
        catch (Exception ex) when (ConfigurationErrors.TryReport(ex, error))
        {
            return ConfigurationError;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await error.WriteLineAsync($"Dead letters unavailable: {ex.GetType().Name}: {ex.Message}");
            return Unavailable;
        }
    }

    private static async Task<int> ListAsync(DeadLetterOperations operations, int limit, bool json, TextWriter output, CancellationToken cancellationToken)
    {
        var letters = await operations.ListAsync(limit, cancellationToken);
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new DeadLetterListResponse(letters), Json));
            return Success;
        }

        // For people at a terminal: one line each, numbers masked as in the logs; --json has them whole.
        await output.WriteLineAsync("itemId\treason\tattempts\tdeadLetteredAt\tto");
        foreach (var letter in letters)
        {
            await output.WriteLineAsync(string.Join('\t',
                letter.ItemId,
                letter.Reason,
                letter.Attempts.ToString(CultureInfo.InvariantCulture),
                letter.DeadLetteredAt.ToString("O", CultureInfo.InvariantCulture),
                PhoneMask.Mask(letter.To)));
        }

        return Success;
    }

    private static async Task<int> ReplayAsync(DeadLetterOperations operations, string target, TextWriter output, CancellationToken cancellationToken)
    {
        var letters = await operations.ListAsync(MaxListed, cancellationToken);
        var chosen = target == "all"
            ? letters
            : [.. letters.Where(l => l.ItemId == target || l.MessageId == target)];
        var replayed = new List<string>();
        var notFound = new List<string>();
        foreach (var letter in chosen)
        {
            // Another replay (the API, a second command) may have taken it since the listing.
            (await operations.ReplayAsync(letter.ItemId, cancellationToken) ? replayed : notFound).Add(letter.ItemId);
        }

        if (chosen.Count == 0 && target != "all")
        {
            notFound.Add(target);
        }

        await output.WriteLineAsync(JsonSerializer.Serialize(new DeadLetterReplayOutput(replayed, notFound), Json));
        return notFound.Count == 0 ? Success : NotFound;
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        return UsageError;
    }
}
