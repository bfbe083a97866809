using SmsGateway.Core.Webhooks;
using SmsGateway.Webhooks.Tests.Support;

namespace SmsGateway.Webhooks.Tests;

/// <summary>
/// A request the gateway signs is verified by the npm standardwebhooks package, an implementation of the specification
/// that shares no code with ours.
/// </summary>
public sealed class NodeVerificationTests
{
    [Fact]
    public async Task ASignedRequest_IsVerifiedByTheNpmPackage()
    {
        var secret = WebhookSecret.New();
        var (request, _) = await SendAsync([secret]);

        var (exitCode, output) = await NodeStandardWebhooks.VerifyAsync(secret, request.Headers, request.Body);

        Assert.True(exitCode == 0, output);
        Assert.Equal("verified message.sent", output.Trim());
    }

    [Fact]
    public async Task DuringARotation_AReceiverWithTheOldSecretStillVerifies_AndATamperedBodyIsRefused()
    {
        var (current, previous) = (WebhookSecret.New(), WebhookSecret.New());
        var (request, _) = await SendAsync([current, previous]);

        var old = await NodeStandardWebhooks.VerifyAsync(previous, request.Headers, request.Body);
        var tampered = await NodeStandardWebhooks.VerifyAsync(current, request.Headers, request.Body.Replace("+49", "+43", StringComparison.Ordinal));

        Assert.True(old.ExitCode == 0, old.Output);
        Assert.Equal(3, tampered.ExitCode);
        Assert.StartsWith("refused:", tampered.Output.Trim(), StringComparison.Ordinal);
    }

    // Signed on the real clock: the package refuses timestamps more than five minutes from its own.
    private static async Task<(ReceivedRequest Request, WebhookAttempt Attempt)> SendAsync(IReadOnlyList<string> secrets)
    {
        var receiver = new ScriptedReceiver();
        var sender = new WebhookSender(new HttpClient(receiver), new WebhookAddressPolicy(false, false), TimeProvider.System, TimeSpan.FromSeconds(10));
        var now = DateTimeOffset.UtcNow;
        var reported = new WebhookEvent(WebhookEvent.NewId(now), WebhookEventTypes.MessageSent, now, "message:1:0", new WebhookEventData
        {
            MessageId = "0193a9c2", Destination = "+4915112345678", Status = "sent", Attempts = 1,
        });
        var endpoint = new WebhookEndpoint
        {
            Id = "wh_a",
            Url = new Uri("https://hooks.example.com/in"),
            Events = ["*"],
            Secret = secrets[0],
            PreviousSecret = secrets.Count > 1 ? secrets[1] : null,
            PreviousSecretUntil = secrets.Count > 1 ? now.AddHours(24) : null,
            CreatedAt = now,
        };
        var lease = new WebhookDeliveryLease("wh_a", reported.Id, reported.Type, WebhookBody.Of(reported), 0, now, "token", now.AddMinutes(1));

        var attempt = await sender.SendAsync(endpoint, lease, default);

        return (Assert.Single(receiver.Received), attempt);
    }
}
