using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using SmsGateway.Core.Modem;
using SmsGateway.Modem.Driver;
using SmsGateway.Modem.Simulator;
using SmsGateway.Modem.Tests.Driver;

namespace SmsGateway.Modem.Tests.Dialects;

/// <summary>
/// Runs the gateway's <see cref="GsmModem"/> over the simulator speaking one dialect, through the real AT channel, on a
/// fake clock that moves on only while a step waits: initialise, send a single and a multipart SMS, receive through
/// <c>+CMTI</c> (or the list a phone without <c>+CNMI</c> is polled with) and <c>+CMT</c>, and status reports through
/// <c>+CDSI</c> and <c>+CDS</c>. Each dialect runs once per test run; the per-dialect tests and the docs/MODEMS.md test share it.
/// </summary>
internal static class DialectRun
{
    private const string Recipient = "+4915112345678";
    private static readonly ConcurrentDictionary<string, Lazy<Task<DialectResult>>> Runs = new(StringComparer.Ordinal);

    public static Task<DialectResult> ResultAsync(string dialect) =>
        Runs.GetOrAdd(dialect, d => new Lazy<Task<DialectResult>>(() => MeasureAsync(d))).Value;

    private static async Task<DialectResult> MeasureAsync(string name)
    {
        var dialect = SimDialects.Find(name) ?? throw new ArgumentException($"no dialect {name}", nameof(name));
        var ussd = dialect.HasUssd ? "not tested: the driver has no USSD yet" : "none on the device";
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        using var simulated = new SimulatedModem(new SimulatorOptions { Dialect = name, SendDelayMs = 0, DeliveryReportDelayMs = 0 }, time);
        await using var connections = new SimulatorConnectionFactory(simulated);
        var sink = new RecordingEventSink();
        using var modem = new GsmModem(connections, sink, sink, Microsoft.Extensions.Options.Options.Create(new ModemOptions { Port = "simulator" }), time);
        await modem.StartAsync(CancellationToken.None);
        try
        {
            var model = dialect.Identity switch
            {
                null => "any modem that keeps to TS 27.005",
                var (maker, device, _) when device.StartsWith(maker, StringComparison.OrdinalIgnoreCase) => device,
                var (maker, device, _) => $"{maker} {device}",
            };
            if (!await UntilAsync(time, () => modem.Status is { Connected: true, Inbound: not ModemReceiving.Unknown }))
            {
                return new DialectResult(name, model, "no: " + modem.Status.LastError, DialectResult.None, DialectResult.None, DialectResult.None, ussd);
            }

            var single = await SendAsync(time, modem, "Hello from the dialect corpus");
            var multipart = await SendAsync(time, modem, string.Concat(Enumerable.Repeat("A multipart message. ", 10)));
            var send = (single, multipart) switch
            {
                (1, 2) => "single + multipart",
                (1, _) => "single only",
                _ => "no",
            };

            var stored = await UntilAsync(time, () => sink.Reports.Count >= single + multipart) && single + multipart > 0;
            var notified = simulated.State.NewMessageIndication[1] != 0;
            var cds = false;
            var cmt = false;
            var cmti = await ReceiveAsync(time, simulated, sink);
            if (notified)
            {
                // Routed to the host instead of stored: the driver never asks for this, but a modem may do it anyway.
                simulated.State.NewMessageIndication = [2, 2, 0, 1, 0];
                var reports = sink.Reports.Count;
                simulated.InjectStatusReport(77, Recipient, 0x00);
                cds = await UntilAsync(time, () => sink.Reports.Count > reports);
                cmt = await ReceiveAsync(time, simulated, sink);
            }

            var receive = (cmti, cmt, modem.Status.Inbound) switch
            {
                (true, true, ModemReceiving.Notified) => "+CMTI, +CMT",
                (true, _, ModemReceiving.Polled) => "polled (AT+CMGL)",
                (true, false, _) => "+CMTI only",
                _ => "no",
            };
            var report = (stored, cds) switch
            {
                (true, true) => "+CDSI, +CDS",
                (true, false) => "+CDSI only",
                (false, true) => "+CDS only",
                _ => "no",
            };
            return new DialectResult(name, model, "yes", send, receive, report, ussd);
        }
        finally
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await modem.StopAsync(stop.Token);
        }
    }

    /// <summary>Sends <paramref name="text"/>; the number of parts the modem took, 0 when the send failed.</summary>
    private static async Task<int> SendAsync(FakeTimeProvider time, GsmModem modem, string text)
    {
        var send = modem.SendAsync(new ModemSendRequest(Recipient, text), CancellationToken.None);
        await UntilAsync(time, () => send.IsCompleted);
        return send.IsCompletedSuccessfully ? send.Result.PartReferences.Count : 0;
    }

    private static async Task<bool> ReceiveAsync(FakeTimeProvider time, SimulatedModem simulated, RecordingEventSink sink)
    {
        var parts = sink.Parts.Count;
        simulated.InjectInbound("+4917612345678", "Hallo aus dem Netz");
        return await UntilAsync(time, () => sink.Parts.Count > parts);
    }

    /// <summary>
    /// Waits for <paramref name="condition"/>, moving the fake clock on by 250 ms per look so that whatever the driver or
    /// the device waits for (a grace, a poll interval) elapses; gives up after two minutes of fake time.
    /// </summary>
    private static async Task<bool> UntilAsync(FakeTimeProvider time, Func<bool> condition)
    {
        var end = time.GetUtcNow() + TimeSpan.FromMinutes(2);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            if (time.GetUtcNow() >= end || DateTime.UtcNow > deadline)
            {
                return false;
            }

            time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(10);
        }

        return true;
    }
}
