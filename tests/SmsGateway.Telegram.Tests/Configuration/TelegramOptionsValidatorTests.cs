using SmsGateway.Telegram.Configuration;

namespace SmsGateway.Telegram.Tests.Configuration;

public sealed class TelegramOptionsValidatorTests
{
    private const string Token = "123456789:AAH-real-looking-token_0123456789abc";

    private static IEnumerable<string> Failures(TelegramOptions options) =>
        new TelegramOptionsValidator().Validate(null, options).Failures ?? [];

    [Fact]
    public void WithoutAToken_TheBridgeIsOffAndNothingElseIsChecked()
    {
        var options = new TelegramOptions { ApiBaseUrl = "nonsense", Mode = TelegramMode.Webhook };

        Assert.False(options.Enabled);
        Assert.Empty(Failures(options));
    }

    [Fact]
    public void ABadToken_NamesTheKey_ButNeverShowsTheValue()
    {
        var failure = Assert.Single(Failures(new TelegramOptions { BotToken = "not-a-token-secret-value" }));

        Assert.StartsWith("Telegram:BotToken is invalid (value not shown)", failure);
        Assert.DoesNotContain("secret-value", failure);
    }

    [Fact]
    public void WebhookMode_NeedsAnHttpsUrlAndASecret_EachNamed()
    {
        var failures = Failures(new TelegramOptions { BotToken = Token, WebhookUrl = "http://gateway.example/api/telegram/webhook", WebhookSecret = "has spaces" }).ToList();

        Assert.Equal(2, failures.Count);
        Assert.StartsWith("Telegram:WebhookUrl is invalid", failures[0]);
        Assert.StartsWith("Telegram:WebhookSecret is invalid (value not shown)", failures[1]);
        Assert.DoesNotContain("has spaces", failures[1]);
    }

    [Fact]
    public void AWebhookUrl_SelectsWebhookMode_UnlessTheModeSaysOtherwise()
    {
        Assert.Equal(TelegramMode.Polling, new TelegramOptions().EffectiveMode);
        Assert.Equal(TelegramMode.Webhook, new TelegramOptions { WebhookUrl = "https://x.example/hook" }.EffectiveMode);
        Assert.Equal(TelegramMode.Polling, new TelegramOptions { WebhookUrl = "https://x.example/hook", Mode = TelegramMode.Polling }.EffectiveMode);
        Assert.False(new TelegramOptions { BotToken = Token, Mode = TelegramMode.Off }.Enabled);
    }

    [Fact]
    public void ValidSettings_Pass_AndAllowedChatsDefaultToTheForwardingChats()
    {
        var options = new TelegramOptions
        {
            BotToken = Token,
            ChatIds = [42, -100123],
            WebhookUrl = "https://gateway.example/api/telegram/webhook",
            WebhookSecret = "s3cr3t_-token",
        };

        Assert.Empty(Failures(options));
        Assert.Equal([42, -100123], options.EffectiveAllowedChatIds);
        Assert.Equal(123456789, options.BotId);
    }

    [Theory]
    [InlineData(nameof(TelegramOptions.PollingTimeoutSeconds))]
    [InlineData(nameof(TelegramOptions.MaxMessagesPerSecond))]
    [InlineData(nameof(TelegramOptions.ApiBaseUrl))]
    public void OutOfRangeSettings_NameTheirKey(string key)
    {
        var options = new TelegramOptions { BotToken = Token };
        _ = key switch
        {
            nameof(TelegramOptions.PollingTimeoutSeconds) => options.PollingTimeoutSeconds = 51,
            nameof(TelegramOptions.MaxMessagesPerSecond) => options.MaxMessagesPerSecond = 31,
            _ => (options.ApiBaseUrl = "ftp://x").Length,
        };

        Assert.StartsWith($"Telegram:{key} is invalid", Assert.Single(Failures(options)));
    }
}
