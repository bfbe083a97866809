using Microsoft.Extensions.Time.Testing;
using SmsGateway.Modem.Driver;
using SmsGateway.Modem.Tests.At;
using SmsGateway.Testing;

namespace SmsGateway.Modem.Tests.Driver;

/// <summary>A <see cref="GsmModem"/> running as a hosted service over scripted streams, on fake time.</summary>
public sealed class GsmModemHarness : IAsyncDisposable
{
    private GsmModemHarness(ScriptedConnectionFactory connections, ModemOptions options)
    {
        Connections = connections;
        Options = options;
        Modem = new GsmModem(connections, Sink, Sink, Microsoft.Extensions.Options.Options.Create(options), Time);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public RecordingEventSink Sink { get; } = new();

    public ScriptedConnectionFactory Connections { get; }

    public ModemOptions Options { get; }

    public GsmModem Modem { get; }

    public static async Task<GsmModemHarness> StartAsync(ModemOptions? options, params ScriptedModemStream[] streams)
    {
        var harness = new GsmModemHarness(new ScriptedConnectionFactory(streams), options ?? new ModemOptions { Port = "scripted" });
        await harness.Modem.StartAsync(CancellationToken.None);
        return harness;
    }

    /// <summary>Starts over one modem that passes the standard initialisation and waits until it is connected.</summary>
    public static async Task<GsmModemHarness> ConnectedAsync(ScriptedModemStream modem)
    {
        var harness = await StartAsync(null, modem.ExpectInit());
        await harness.WaitUntilAsync(() => harness.Modem.Status.Connected, "connected");
        await modem.WaitForCommandAsync("AT+CMGL=4");
        return harness;
    }

    public Task WaitUntilAsync(Func<bool> condition, string what) => Eventually.WaitUntilAsync(condition, what);

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await Modem.StopAsync(cts.Token);
        Modem.Dispose();
    }
}
