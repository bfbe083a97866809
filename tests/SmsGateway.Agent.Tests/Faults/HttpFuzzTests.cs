using System.Net;
using System.Text;
using SmsGateway.Agent.Tests.Support;

namespace SmsGateway.Agent.Tests.Faults;

/// <summary>Fault scenario 6 (HTTP): random and mutated requests always get a 4xx problem, never a 500, and store nothing.</summary>
public sealed class HttpFuzzTests : GatewayTest
{
    private const string Valid = "{\"to\": [\"+4915112345678\"], \"text\": \"Hello\", \"priority\": \"high\"}";

    [Fact]
    public async Task MutatedBodies_AlwaysGetA4xxProblem_AndStoreNothing()
    {
        var random = new Random(20261129);
        for (var i = 0; i < 400; i++)
        {
            var body = Mutate(Valid, random);
            var response = await Gateway.SendRawAsync(body);
            var status = (int)response.StatusCode;

            // A mutation may leave a valid request; it is then accepted, never a 5xx.
            Assert.True(status is 202 or (>= 400 and < 500), $"{status} for body {body}");
            if (status != 202)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        Assert.All(Modem.Sent, s => Assert.Equal("+4915112345678", s.To));
    }

    [Fact]
    public async Task RandomBytes_WrongContentTypes_AndHugeHeaders_GetA4xx()
    {
        var random = new Random(7);
        string[] types = ["text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-16"];
        for (var i = 0; i < 100; i++)
        {
            var bytes = new byte[random.Next(0, 2048)];
            random.NextBytes(bytes);
            var content = new ByteArrayContent(bytes);
            content.Headers.TryAddWithoutValidation("Content-Type", i % 2 == 0 ? "application/json" : types[random.Next(types.Length)]);
            var response = await Gateway.Client.PostAsync("/api/messages", content);
            Assert.InRange((int)response.StatusCode, 400, 499);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(Valid, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("X-Padding", new string('a', 64 * 1024));
        var huge = await Gateway.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, huge.StatusCode);

        Assert.Equal(0, await Gateway.QueueDepthAsync());
        Assert.Empty(Modem.Sent);
    }

    private static string Mutate(string json, Random random)
    {
        var chars = json.ToCharArray().ToList();
        var edits = random.Next(1, 6);
        for (var e = 0; e < edits && chars.Count > 0; e++)
        {
            var at = random.Next(chars.Count);
            switch (random.Next(4))
            {
                case 0:
                    chars.RemoveAt(at);
                    break;
                case 1:
                    chars.Insert(at, "{}[]\",:0x\\\u0000é€😀"[random.Next(14)]);
                    break;
                case 2:
                    chars[at] = (char)random.Next(0, 0x3000);
                    break;
                default:
                    chars.InsertRange(at, "\"to\": [\"+1\"]");
                    break;
            }
        }

        return new string(chars.ToArray());
    }
}
