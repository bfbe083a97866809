using System.Globalization;
using System.Text;
using SmsGateway.Core.Modem;
using SmsGateway.Core.Sending.Queue;

namespace SmsGateway.Telegram.Formatting;

/// <summary>The answer to <c>/status</c>: modem, network, signal, queue depth and the latest failures.</summary>
/// <remarks>
/// The modem is optional: a host without one (the cloud functions) shows the queue only. Counts that cannot be
/// read (no Manage right on Service Bus) are shown as unavailable rather than failing the answer.
/// </remarks>
public sealed class GatewayStatusReport(IOutboundQueue queue, ISmsModem? modem)
{
    private const int RecentFailures = 5;

    public async Task<string> BuildAsync(CancellationToken cancellationToken)
    {
        var text = new StringBuilder("📊 Gateway status\n");
        if (modem is null)
        {
            text.Append("Modem: not attached to this host\n");
        }
        else
        {
            AppendModem(text, modem.Status);
        }

        try
        {
            var counts = await queue.CountAsync(cancellationToken);
            text.Append(CultureInfo.InvariantCulture, $"Queue: {counts.Depth} waiting or sending, {counts.DeadLettered} failed\n");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Service Bus counts need Manage rights, which the cloud's least-privilege identity lacks; the rest still helps.
            text.Append("Queue: counts unavailable\n");
        }

        var failures = await queue.ListDeadLettersAsync(RecentFailures, cancellationToken);
        if (failures.Count == 0)
        {
            text.Append("Recent failures: none");
            return text.ToString();
        }

        text.Append("Recent failures:");
        foreach (var failure in failures)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n• {failure.DeadLetteredAt:yyyy-MM-dd HH:mm} UTC to {PhoneFormatter.Format(failure.Message.To)}: {failure.Reason}");
        }

        return text.ToString();
    }

    private static void AppendModem(StringBuilder text, ModemStatus status)
    {
        var model = string.Join(' ', new[] { status.Manufacturer, status.Model }.Where(s => !string.IsNullOrWhiteSpace(s)));
        text.Append("Modem: ").Append(model.Length > 0 ? model : "unknown")
            .Append(status.Connected ? " (connected)" : $" (not connected{(status.LastError is { } error ? ": " + error : string.Empty)})")
            .Append('\n');
        text.Append("Operator: ").Append(status.Operator ?? "none")
            .Append(status.Registered ? (status.Roaming ? " (registered, roaming)" : " (registered)") : " (not registered)")
            .Append('\n');
        text.Append("Signal: ").Append(status.SignalDbm is { } dbm ? string.Create(CultureInfo.InvariantCulture, $"{dbm} dBm") : "unknown").Append('\n');
    }
}
