using System.Text;
using SmsGateway.Modem.At;
using SmsGateway.Modem.Simulator;

namespace SmsGateway.Modem.Tests.At;

/// <summary>
/// Fault scenario 6 (modem side): the AT channel fed random and mutated modem output never lets an
/// exception other than its own escape, never hangs past a command's timeout, and stays usable.
/// </summary>
public sealed class AtChannelFuzzTests
{
    private static readonly string[] Fragments =
    [
        "\r\nOK\r\n", "\r\nERROR\r\n", "\r\n+CMS ERROR: 500\r\n", "\r\n+CME ERROR: 10\r\n", "\r\n> ", "\r\n+CMTI: \"SM\",3\r\n",
        "\r\n+CDS: 25\r\n", "07917283010010F5", "\r\n^RSSI:12\r\n", "\r\nRING\r\n", "\r\n+CSQ: 17,99\r\n", "AT+CSQ\r", "\r\n+CMGS: 12\r\n",
        "\r\n+CREG: 1,\"00C3\",\"0010\"\r\n", "\u001a", "\u001b", "\r", "\n", "\r\n\r\n",
    ];

    [Fact]
    public async Task RandomAndMutatedModemOutput_OnlyAtExceptionsEscape_AndNothingHangs()
    {
        var random = new Random(42);
        for (var round = 0; round < 40; round++)
        {
            var (host, device) = InMemoryDuplexStream.CreatePair();
            await using var channel = new AtChannel(host);
            using var stop = new CancellationTokenSource();
            var noise = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var bytes = random.Next(3) == 0 ? RandomBytes(random) : Encoding.ASCII.GetBytes(Fragments[random.Next(Fragments.Length)]);
                    await device.WriteAsync(bytes);
                    await Task.Delay(random.Next(0, 3));
                }
            });

            for (var i = 0; i < 10; i++)
            {
                var command = random.Next(2) == 0
                    ? channel.ExecuteAsync("AT+CSQ", TimeSpan.FromMilliseconds(200), CancellationToken.None)
                    : channel.ExecuteWithPayloadAsync("AT+CMGS=20", "0011000B916407281553F80000AA0AE8329BFD4697D9EC37", TimeSpan.FromMilliseconds(200), CancellationToken.None);
                var finished = await Task.WhenAny(command, Task.Delay(TimeSpan.FromSeconds(5)));
                Assert.Same(command, finished);
                var error = await Record.ExceptionAsync(() => command);
                Assert.True(error is null or AtException, $"unexpected {error}");
            }

            await stop.CancelAsync();
            await noise;
            await device.DisposeAsync();
        }
    }

    [Fact]
    public async Task AfterGarbage_AValidAnswerStillCompletesTheCommand()
    {
        var (host, device) = InMemoryDuplexStream.CreatePair();
        await using var channel = new AtChannel(host);
        await device.WriteAsync(RandomBytes(new Random(3)));

        var command = channel.ExecuteAsync("AT", TimeSpan.FromSeconds(5), CancellationToken.None);
        await device.WriteAsync(Encoding.ASCII.GetBytes("\r\nOK\r\n"));

        var response = await command;
        Assert.NotNull(response);
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(1, 300)];
        random.NextBytes(bytes);
        return bytes;
    }
}
