using Microsoft.Extensions.Options;
using SmsGateway.Telegram.Configuration;

namespace SmsGateway.Functions.Hosting;

/// <summary>Nothing polls in the cloud: updates arrive only by webhook, so the bridge, when on, must be set up for it.</summary>
internal sealed class CloudTelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options) =>
        !options.Enabled || options.EffectiveMode == TelegramMode.Webhook
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Telegram:Mode must be webhook in the cloud shape (set Telegram:WebhookUrl and Telegram:WebhookSecret)");
}
