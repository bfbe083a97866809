using System.Net;
using System.Net.Sockets;
using SmsGateway.Telegram.Tests.Support;
using SmsGateway.Testing;
using SmsGateway.Testing.Telegram;

namespace SmsGateway.Telegram.Tests.Configuration;

/// <summary>Every Bot API URL contains the token; no failure may carry it into the log.</summary>
public sealed class TokenSecrecyTests
{
    private static readonly string SecretPart = FakeBotApiServer.Token.Split(':')[1];

    [Fact]
    public async Task ApiUnreachable_FailuresAreLogged_WithoutTheToken()
    {
        await using var api = await FakeBotApiServer.StartAsync();
        var closedPort = "http://127.0.0.1:" + FreePort();
        await using var bridge = await BridgeHost.StartAsync(api, new Dictionary<string, string?> { ["Telegram:ApiBaseUrl"] = closedPort });

        await bridge.ReceiveSmsAsync(BridgeHost.Sms("hello"));
        await Eventually.WaitUntilAsync(() => bridge.Logs.Lines.Count(l => l.Contains("Connection refused", StringComparison.Ordinal)) >= 3, "the expected log lines", TimeSpan.FromSeconds(15));

        Assert.DoesNotContain(bridge.Logs.Lines, l => l.Contains(SecretPart, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApiRefusesTheToken_FailuresAreLogged_WithoutTheToken()
    {
        await using var api = await FakeBotApiServer.StartAsync();
        await using var bridge = await BridgeHost.StartAsync(api, new Dictionary<string, string?> { ["Telegram:BotToken"] = "987654321:AAWrongTokenThatTheServerRefuses_xyz" });

        await bridge.ReceiveSmsAsync(BridgeHost.Sms("hello"));
        await Eventually.WaitUntilAsync(() => api.Calls.Count(c => c.Status == 401) >= 3 && bridge.Logs.Lines.Count(l => l.Contains("Unauthorized", StringComparison.Ordinal)) >= 3, "the expected log lines", TimeSpan.FromSeconds(15));

        Assert.DoesNotContain(bridge.Logs.Lines, l => l.Contains("AAWrongTokenThatTheServerRefuses_xyz", StringComparison.Ordinal));
        Assert.Contains(bridge.Logs.Lines, l => l.Contains("Unauthorized", StringComparison.Ordinal));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
