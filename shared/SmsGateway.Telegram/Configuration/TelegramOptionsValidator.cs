using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace SmsGateway.Telegram.Configuration;

/// <summary>
/// Checks the Telegram settings at start; each failure names its key. Written by hand rather than with
/// DataAnnotations because the shared validator prints values, and the token must never be printed.
/// </summary>
public sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    private const string Prefix = TelegramOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!TokenPattern().IsMatch(options.BotToken!))
        {
            failures.Add($"{Prefix}BotToken is invalid (value not shown): expected the form 123456789:AAH… that BotFather gives.");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
        {
            failures.Add($"{Prefix}ApiBaseUrl is invalid ('{options.ApiBaseUrl}'): must be an absolute http(s) URL such as {TelegramOptions.PublicApiBaseUrl}.");
        }

        if (options.EffectiveMode == TelegramMode.Webhook)
        {
            if (!Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var hook) || hook.Scheme != "https")
            {
                failures.Add($"{Prefix}WebhookUrl is invalid ('{options.WebhookUrl}'): webhook mode needs the public https:// address of /api/telegram/webhook.");
            }

            if (string.IsNullOrEmpty(options.WebhookSecret) || !SecretPattern().IsMatch(options.WebhookSecret))
            {
                failures.Add($"{Prefix}WebhookSecret is invalid (value not shown): webhook mode needs 1 to 256 characters A-Z, a-z, 0-9, _ or -.");
            }
        }

        if (options.PollingTimeoutSeconds is < 0 or > 50)
        {
            failures.Add($"{Prefix}PollingTimeoutSeconds is invalid ('{options.PollingTimeoutSeconds}'): must be 0 to 50.");
        }

        if (options.MaxMessagesPerSecond is < 1 or > 30)
        {
            failures.Add($"{Prefix}MaxMessagesPerSecond is invalid ('{options.MaxMessagesPerSecond}'): must be 1 to 30.");
        }

        if (options.MaxAttemptsWhenRejected is < 1 or > 100)
        {
            failures.Add($"{Prefix}MaxAttemptsWhenRejected is invalid ('{options.MaxAttemptsWhenRejected}'): must be 1 to 100.");
        }

        if (options.OutboxCapacity < 1)
        {
            failures.Add($"{Prefix}OutboxCapacity is invalid ('{options.OutboxCapacity}'): must be at least 1.");
        }

        if (options.InboxCapacity < 1)
        {
            failures.Add($"{Prefix}InboxCapacity is invalid ('{options.InboxCapacity}'): must be at least 1.");
        }

        RequirePositive(failures, nameof(options.RequestTimeout), options.RequestTimeout);
        RequirePositive(failures, nameof(options.RetryBaseDelay), options.RetryBaseDelay);
        RequirePositive(failures, nameof(options.RetryMaxDelay), options.RetryMaxDelay);
        if (options.PerChatInterval < TimeSpan.Zero)
        {
            failures.Add($"{Prefix}PerChatInterval is invalid ('{options.PerChatInterval}'): must not be negative.");
        }

        if (options.RefusalInterval < TimeSpan.Zero)
        {
            failures.Add($"{Prefix}RefusalInterval is invalid ('{options.RefusalInterval}'): must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequirePositive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{Prefix}{key} is invalid ('{value}'): must be positive.");
        }
    }

    [GeneratedRegex("^[0-9]{1,16}:[A-Za-z0-9_-]{20,}$")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretPattern();
}
