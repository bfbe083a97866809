using SmsGateway.Modem.At;

namespace SmsGateway.Modem.Driver;

/// <summary>Brings a freshly opened modem into the state the driver relies on: synced, unlocked, PDU mode, indications on.</summary>
internal static class ModemInitializer
{
    private const int SyncAttempts = 5;
    private static readonly TimeSpan SyncTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan SimReadyPollInterval = TimeSpan.FromSeconds(1);
    private const int SimReadyPolls = 15;

    /// <summary>Sets the modem up; says whether it notifies of new messages and of status reports.</summary>
    public static async Task<ModemNotifications> InitializeAsync(ModemSession session, bool pinAllowed, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        await SyncAsync(session, cancellationToken);
        await PrepareAsync(session, cancellationToken);
        await UnlockSimAsync(session, await ReadSimStateAsync(session, cancellationToken), pinAllowed, timeProvider, cancellationToken);
        try
        {
            await session.ExecuteAsync("AT+CMGF=0", cancellationToken);
        }
        catch (AtCommandException ex)
        {
            throw new ModemSetupException($"the modem refused PDU mode (AT+CMGF=0: {ex.ResultLine})", ex);
        }

        // +CMTI for new messages; status reports as +CDSI/+CDS. Vendors accept different subsets.
        var ds = session.Options.DeliveryReports ? 2 : 0;
        var cnmi = await FirstAcceptedAsync(session, [$"AT+CNMI=2,1,0,{ds},0", $"AT+CNMI=2,1,0,{ds / 2},0", "AT+CNMI=2,1"], cancellationToken);

        // Some firmware takes only the one- or two-argument form (reading and deleting in SM is all the driver needs);
        // a phone without AT+CPMS keeps its own default storage, which AT+CMGL still lists.
        await FirstAcceptedAsync(
            session,
            ["AT+CPMS=\"SM\",\"SM\",\"SM\"", "AT+CPMS=\"ME\",\"ME\",\"ME\"", "AT+CPMS=\"MT\",\"MT\",\"MT\"", "AT+CPMS=\"SM\",\"SM\"", "AT+CPMS=\"SM\""],
            cancellationToken);
        return new ModemNotifications(Messages: cnmi is not null, Reports: ds > 0 && cnmi is not null && cnmi != "AT+CNMI=2,1");
    }

    /// <summary>Gets the modem to answer <c>AT</c>; a modem left at the prompt gets ESC first.</summary>
    public static async Task SyncAsync(ModemSession session, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Straight on the channel: failed sync attempts are expected and must not count as timeouts.
                await session.Channel.ExecuteAsync("AT", SyncTimeout, cancellationToken);
                return;
            }
            catch (AtException ex) when (ex is AtTimeoutException or AtCommandException && attempt < SyncAttempts)
            {
                if (attempt == 1)
                {
                    await session.Channel.AbortPromptAsync(cancellationToken);
                }
            }
            catch (AtException ex) when (ex is not AtChannelClosedException)
            {
                throw new ModemSetupException($"the modem does not answer AT ({ex.Message})", ex);
            }
        }
    }

    /// <summary>Echo off and numeric error codes: both optional, both make the transcript unambiguous.</summary>
    public static async Task PrepareAsync(ModemSession session, CancellationToken cancellationToken)
    {
        await session.TryExecuteAsync("ATE0", cancellationToken);
        await session.TryExecuteAsync("AT+CMEE=1", cancellationToken);
    }

    /// <summary>Enters the PIN when <paramref name="state"/> asks for it and that is allowed; returns READY or throws why the SIM cannot be used.</summary>
    public static async Task<string> UnlockSimAsync(ModemSession session, string state, bool pinAllowed, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (state == "SIM PIN")
        {
            if (session.Options.Pin is not { } pin)
            {
                throw new ModemSetupException("the SIM needs a PIN: set Modem:Pin");
            }

            if (!pinAllowed)
            {
                throw new ModemSetupException("the SIM rejected the configured PIN before; not trying it again (fix Modem:Pin and restart)", pinRejected: true);
            }

            try
            {
                await session.ExecuteAsync($"AT+CPIN=\"{pin}\"", cancellationToken);
            }
            catch (AtCommandException ex)
            {
                throw new ModemSetupException($"the SIM rejected the configured PIN ({ex.ResultLine}); not trying it again", pinRejected: true);
            }

            // The SIM takes a moment to come up after the PIN.
            for (var poll = 0; (state = await ReadSimStateAsync(session, cancellationToken)) != "READY" && poll < SimReadyPolls; poll++)
            {
                await Task.Delay(SimReadyPollInterval, timeProvider, cancellationToken);
            }
        }

        return state switch
        {
            "READY" => state,
            "SIM PUK" => throw new ModemSetupException("the SIM is locked (SIM PUK): unlock it in a phone"),
            "no SIM" => throw new ModemSetupException("no SIM card (AT+CPIN? answered +CME ERROR: 10)"),
            _ => throw new ModemSetupException($"the SIM is not ready: {state}"),
        };
    }

    public static async Task<string> ReadSimStateAsync(ModemSession session, CancellationToken cancellationToken)
    {
        try
        {
            var response = await session.ExecuteAsync("AT+CPIN?", cancellationToken);
            return response.ValueOf("+CPIN:")?.Trim('"') ?? "unknown";
        }
        catch (AtCommandException ex) when (ex.Kind == AtErrorKind.Cme && ex.ErrorCode == 10)
        {
            return "no SIM";
        }
        catch (AtCommandException ex)
        {
            return ex.ResultLine;
        }
    }

    /// <summary>The first of <paramref name="commands"/> the modem accepted, or null when it refused them all.</summary>
    private static async Task<string?> FirstAcceptedAsync(ModemSession session, string[] commands, CancellationToken cancellationToken)
    {
        foreach (var command in commands.Distinct())
        {
            if (await session.TryExecuteAsync(command, cancellationToken) is not null)
            {
                return command;
            }
        }

        GsmModemLog.NoVariantAccepted(session.Logger, commands.First());
        return null;
    }
}
