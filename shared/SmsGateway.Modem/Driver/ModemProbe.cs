using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SmsGateway.Core.Modem;
using SmsGateway.Modem.At;

namespace SmsGateway.Modem.Driver;

/// <summary>
/// One-shot diagnosis for <c>modem probe</c>: opens the port, asks the modem who it is and how it is doing,
/// and changes nothing beyond echo, error format and (when configured and asked for) the SIM PIN.
/// </summary>
public static class ModemProbe
{
    public static Task<ModemProbeResult> RunAsync(IModemConnectionFactory connectionFactory, ModemOptions options, CancellationToken cancellationToken) =>
        RunAsync(connectionFactory, options, null, null, cancellationToken);

    /// <summary>Probes the modem; never throws for modem or port trouble, <see cref="ModemProbeResult.Error"/> says what went wrong.</summary>
    public static async Task<ModemProbeResult> RunAsync(
        IModemConnectionFactory connectionFactory,
        ModemOptions options,
        ILogger? logger,
        TimeProvider? timeProvider,
        CancellationToken cancellationToken)
    {
        var transcript = new ProbeTranscript();
        var result = await ProbeAsync(connectionFactory, options, logger, timeProvider, transcript, cancellationToken);
        return result with { Transcript = transcript.Lines };
    }

    private static async Task<ModemProbeResult> ProbeAsync(
        IModemConnectionFactory connectionFactory,
        ModemOptions options,
        ILogger? logger,
        TimeProvider? timeProvider,
        ProbeTranscript transcript,
        CancellationToken cancellationToken)
    {
        logger ??= NullLogger.Instance;
        timeProvider ??= TimeProvider.System;
        var result = new ModemProbeResult { Port = connectionFactory.Description };
        Stream stream;
        try
        {
            stream = await connectionFactory.OpenAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return result with { Error = ex.Message };
        }

        await using var channel = new AtChannel(stream, transcript, timeProvider);
        using var session = new ModemSession(channel, options, logger);
        try
        {
            await ModemInitializer.SyncAsync(session, cancellationToken);
            result = result with { Responded = true };
            await ModemInitializer.PrepareAsync(session, cancellationToken);
            var simState = await ModemInitializer.ReadSimStateAsync(session, cancellationToken);
            string? error = null;
            if (simState == "SIM PIN" && options.Pin is not null)
            {
                try
                {
                    simState = await ModemInitializer.UnlockSimAsync(session, simState, pinAllowed: true, timeProvider, cancellationToken);
                }
                catch (ModemSetupException ex)
                {
                    error = ex.Message;
                    simState = await ModemInitializer.ReadSimStateAsync(session, cancellationToken);
                }
            }

            return await ReadAllAsync(session, result with { SimState = simState, Error = error }, timeProvider, cancellationToken);
        }
        catch (Exception ex) when (ex is ModemSetupException or AtException)
        {
            return result with { Error = ex.Message };
        }
    }

    private static async Task<ModemProbeResult> ReadAllAsync(ModemSession session, ModemProbeResult result, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var status = await ModemStatusReader.ReadIdentityAsync(session, ModemStatus.Disconnected, cancellationToken);
        status = await ModemStatusReader.ReadRadioAsync(session, status, timeProvider, cancellationToken);
        var storage = AtValueParser.Storage((await session.TryExecuteAsync("AT+CPMS?", cancellationToken))?.ValueOf("+CPMS:"));

        // Read-only: what the modem offers for notifications and storage, for the transcript of a new modem's report.
        await session.TryExecuteAsync("AT+CNMI=?", cancellationToken);
        await session.TryExecuteAsync("AT+CPMS=?", cancellationToken);
        return result with
        {
            Manufacturer = status.Manufacturer,
            Model = status.Model,
            Revision = status.Revision,
            Imei = status.Imei,
            Imsi = status.Imsi,
            SmscAddress = status.SmscAddress,
            Operator = status.Operator,
            SignalDbm = status.SignalDbm,
            Registration = status.Registered ? (status.Roaming ? "roaming" : "home") : "not registered",
            Storage = storage?.Storage,
            StorageUsed = storage?.Used,
            StorageTotal = storage?.Total,
        };
    }
}
