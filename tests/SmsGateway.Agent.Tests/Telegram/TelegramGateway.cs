using System.Globalization;
using SmsGateway.Agent.Tests.Support;
using SmsGateway.Testing.Telegram;

namespace SmsGateway.Agent.Tests.Telegram;

/// <summary>Settings that point the gateway's Telegram bridge at the fake Bot API, with short real-time timings.</summary>
internal static class TelegramGateway
{
    public const long ChatA = 4242;
    public const long ChatB = -100777;

    public static Dictionary<string, string?> Settings(FakeBotApiServer api) => new()
    {
        ["Telegram:BotToken"] = FakeBotApiServer.Token,
        ["Telegram:ApiBaseUrl"] = api.BaseUrl,
        ["Telegram:ChatIds:0"] = ChatA.ToString(CultureInfo.InvariantCulture),
        ["Telegram:ChatIds:1"] = ChatB.ToString(CultureInfo.InvariantCulture),
        ["Telegram:PollingTimeoutSeconds"] = "1",
        // Generous: the first Bot API calls of a process are slow (JIT) on a busy 2-core machine.
        ["Telegram:RequestTimeout"] = "00:00:10",
        ["Telegram:RetryBaseDelay"] = "00:00:00.050",
        ["Telegram:RetryMaxDelay"] = "00:00:00.300",
    };

    public static Task<GatewayInstance> StartAsync(FakeBotApiServer api, IDictionary<string, string?>? extra = null)
    {
        var settings = Settings(api);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return GatewayInstance.StartAsync(settings: settings);
    }
}
