using System.Security.Cryptography;
using System.Text;
using SmsGateway.Core.Webhooks;

namespace SmsGateway.Webhooks.Tests;

public sealed class WebhookSignerTests
{
    // The Standard Webhooks specification's published example (standard-webhooks/standard-webhooks, the libraries' tests):
    // an independent check that our headers are the specification's, not only what our own code expects.
    private const string SpecSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string SpecId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const string SpecBody = """{"test": 2432232314}""";
    private const string SpecSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static readonly DateTimeOffset SpecTimestamp = DateTimeOffset.FromUnixTimeSeconds(1614265330);

    [Fact]
    public void Sign_TheSpecificationsExample_GivesItsPublishedSignature()
    {
        Assert.Equal(SpecSignature, WebhookSigner.Sign(SpecId, SpecTimestamp, SpecBody, [SpecSecret]));
        Assert.Equal("1614265330", WebhookSigner.Timestamp(SpecTimestamp));
    }

    [Fact]
    public void Sign_IsBase64HmacSha256OfIdDotTimestampDotBody_UnderTheDecodedKey()
    {
        var secret = WebhookSecret.New();
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"evt_1.1614265330.{SpecBody}")));

        Assert.Equal(expected, WebhookSigner.Sign("evt_1", SpecTimestamp, SpecBody, [secret]));
    }

    [Fact]
    public void Sign_WithTwoSecrets_GivesBothSignaturesSpaceSeparated_NewFirst()
    {
        var other = WebhookSecret.New();

        var signature = WebhookSigner.Sign(SpecId, SpecTimestamp, SpecBody, [other, SpecSecret]);

        var parts = signature.Split(' ');
        Assert.Equal(2, parts.Length);
        Assert.Equal(WebhookSigner.Sign(SpecId, SpecTimestamp, SpecBody, [other]), parts[0]);
        Assert.Equal(SpecSignature, parts[1]);
    }

    [Theory]
    [InlineData("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", true)]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", false)]
    [InlineData("whsec_c2hvcnQ=", false)]
    [InlineData("whsec_not base64!", false)]
    public void SecretIsValid_WantsThePrefixAndAKeyOfAtLeast24Bytes(string secret, bool valid) =>
        Assert.Equal(valid, WebhookSecret.IsValid(secret));

    [Fact]
    public void NewSecret_IsValidAndDifferentEachTime()
    {
        var a = WebhookSecret.New();

        Assert.True(WebhookSecret.IsValid(a));
        Assert.NotEqual(a, WebhookSecret.New());
    }
}
