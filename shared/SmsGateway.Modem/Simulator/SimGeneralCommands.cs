using System.Globalization;

namespace SmsGateway.Modem.Simulator;

/// <summary>V.250 basics, identification, error reporting, SIM PIN and the odds and ends clients probe.</summary>
internal static class SimGeneralCommands
{
    private static readonly string[] _charsets = ["IRA", "GSM", "UCS2", "HEX"];

    public static void Register(Dictionary<string, SimAtHandler> handlers)
    {
        handlers[string.Empty] = (_, _, _) => Done(SimAtResult.Ok());
        foreach (var name in new[] { "V", "Q", "X", "&C", "&D", "&K", "&W", "L", "M", "S0", "S3", "S4", "S5", "S7", "S10" })
        {
            // Accepted and ignored: the simulator always speaks verbose, quiet-off, CR/LF.
            handlers[name] = (_, command, _) => Done(command.Name == "V" && command.Argument == "0" ? SimAtResult.Error() : SimAtResult.Ok());
        }

        handlers["E"] = Echo;
        handlers["Z"] = ResetProfile;
        handlers["&F"] = ResetProfile;
        handlers["I"] = (session, _, _) => Done(Identify(session.State.Options));
        Identity(handlers, s => s.Dialect.Identity?.Manufacturer ?? s.Options.Manufacturer, "+CGMI", "+GMI");
        Identity(handlers, s => s.Dialect.Identity?.Model ?? s.Options.Model, "+CGMM", "+GMM");
        Identity(handlers, s => s.Dialect.Identity?.Revision ?? s.Options.Revision, "+CGMR", "+GMR");
        Identity(handlers, s => s.Options.Imei, "+CGSN", "+GSN");
        Identity(handlers, s => s.Options.Iccid, "+CCID");
        handlers["^ICCID"] = (session, _, _) => Done(SimAtResult.Ok($"^ICCID: {session.State.Options.Iccid}"));
        handlers["+CIMI"] = (session, command, _) => Done(
            command.Kind == SimAtCommandKind.Test ? SimAtResult.Ok()
            : !session.State.SimReady ? SimAtResult.Cme(SimErrorTexts.CmeSimPinRequired)
            : SimAtResult.Ok(session.State.Options.Imsi));
        handlers["+GCAP"] = (_, _, _) => Done(SimAtResult.Ok("+GCAP: +CGSM"));
        handlers["+CMEE"] = ErrorMode;
        handlers["+CPIN"] = Pin;
        handlers["+CSCS"] = Charset;
        handlers["+CFUN"] = Functionality;
        handlers["+CBC"] = (_, _, _) => Done(SimAtResult.Ok("+CBC: 0,95,4150"));
        handlers["+CCLK"] = Clock;
        handlers["^CURC"] = PeriodicUrcs;
    }

    internal static ValueTask<SimAtResult> Done(SimAtResult result) => ValueTask.FromResult(result);

    private static void Identity(Dictionary<string, SimAtHandler> handlers, Func<SimulatedModemState, string> value, params string[] names)
    {
        foreach (var name in names)
        {
            handlers[name] = (session, command, _) => Done(command.Kind switch
            {
                SimAtCommandKind.Test => SimAtResult.Ok(),
                SimAtCommandKind.Execute => SimAtResult.Ok(value(session.State)),
                _ => SimAtResult.Error(),
            });
        }
    }

    private static SimAtResult Identify(SimulatorOptions options) => SimAtResult.Ok(
        $"Manufacturer: {options.Manufacturer}",
        $"Model: {options.Model}",
        $"Revision: {options.Revision}",
        $"IMEI: {options.Imei}",
        "+GCAP: +CGSM");

    private static ValueTask<SimAtResult> Echo(SimulatorSession session, SimAtCommand command, CancellationToken cancellationToken)
    {
        switch (command.Argument)
        {
            case "" or "0":
                session.State.Echo = false;
                return Done(SimAtResult.Ok());
            case "1":
                session.State.Echo = true;
                return Done(SimAtResult.Ok());
            default:
                return Done(SimAtResult.Error());
        }
    }

    private static ValueTask<SimAtResult> ResetProfile(SimulatorSession session, SimAtCommand command, CancellationToken cancellationToken)
    {
        session.State.ResetProfile();
        return Done(SimAtResult.Ok());
    }

    private static ValueTask<SimAtResult> ErrorMode(SimulatorSession session, SimAtCommand command, CancellationToken cancellationToken)
    {
        switch (command.Kind)
        {
            case SimAtCommandKind.Read:
                return Done(SimAtResult.Ok($"+CMEE: {session.State.ErrorMode}"));
            case SimAtCommandKind.Test:
                return Done(SimAtResult.Ok("+CMEE: (0-2)"));
            case SimAtCommandKind.Set when command.IntArgument(0) is { } mode and <= 2:
                session.State.ErrorMode = mode;
                return Done(SimAtResult.Ok());
            default:
                return Done(SimAtResult.Error());
        }
    }

    private static ValueTask<SimAtResult> Pin(SimulatorSession session, SimAtCommand command, CancellationToken cancellationToken)
    {
        var state = session.State;
        switch (command.Kind)
        {
            case SimAtCommandKind.Read:
                return Done(SimAtResult.Ok(state.SimReady ? "+CPIN: READY" : "+CPIN: SIM PIN"));
            case SimAtCommandKind.Test:
                return Done(SimAtResult.Ok());
            case SimAtCommandKind.Set when state.SimReady:
                return Done(SimAtResult.Cme(SimErrorTexts.CmeOperationNotAllowed));
            case SimAtCommandKind.Set when command.Arguments()[0] == state.Options.Pin:
                state.SimReady = true;
                return Done(SimAtResult.Ok());
            case SimAtCommandKind.Set:
                return Done(SimAtResult.Cme(SimErrorTexts.CmeIncorrectPassword));
            default:
                return Done(SimAtResult.Error());
        }
    }

    private static ValueTask<SimAtResult> Charset(SimulatorSession session, SimAtCommand command, CancellationToken cancellationToken)
    {
        switch (command.Kind)
        {
            case SimAtCommandKind.Read:
                return Done(SimAtResult.Ok($"+CSCS: \"{session.State.Charset}\""));
            case SimAtCommandKind.Test:
                return Done(SimAtResult.Ok($"+CSCS: ({string.Join(',', _charsets.Select(c => $"\"{c}\""))})"));
            case SimAtCommandKind.Set when _charsets.FirstOrDefault(c => c.Equals(command.Arguments()[0], StringComparison.OrdinalIgnoreCase)) is { } charset:
                session.State.Charset = charset;
                return Done(SimAtResult.Ok());
            default:
                return Done(SimAtResult.Cme(SimErrorTexts.CmeOperationNotSupported));
        }
    }

    private static ValueTask<SimAtResult> Functionality(SimulatorSession session, SimAtCommand command, CancellationToken cancellationToken)
    {
        switch (command.Kind)
        {
            case SimAtCommandKind.Read:
                return Done(SimAtResult.Ok("+CFUN: 1"));
            case SimAtCommandKind.Test:
                return Done(SimAtResult.Ok("+CFUN: (0,1,4),(0,1)"));
            case SimAtCommandKind.Set when command.IntArgument(0) is 0 or 1 or 4:
                if (command.IntArgument(1) == 1)
                {
                    // A reset: the host finds the modem as after power-up.
                    session.State.PowerCycle();
                }

                return Done(SimAtResult.Ok());
            default:
                return Done(SimAtResult.Cme(SimErrorTexts.CmeOperationNotSupported));
        }
    }

    private static ValueTask<SimAtResult> Clock(SimulatorSession session, SimAtCommand command, CancellationToken cancellationToken)
    {
        var now = session.Modem.TimeProvider.GetUtcNow();
        return Done(command.Kind switch
        {
            SimAtCommandKind.Read => SimAtResult.Ok(string.Create(CultureInfo.InvariantCulture, $"+CCLK: \"{now:yy/MM/dd,HH:mm:ss}+00\"")),
            SimAtCommandKind.Test or SimAtCommandKind.Set => SimAtResult.Ok(),
            _ => SimAtResult.Error(),
        });
    }

    private static ValueTask<SimAtResult> PeriodicUrcs(SimulatorSession session, SimAtCommand command, CancellationToken cancellationToken)
    {
        switch (command.Kind)
        {
            case SimAtCommandKind.Read:
                return Done(SimAtResult.Ok($"^CURC: {(session.State.VendorUrcs ? 1 : 0)}"));
            case SimAtCommandKind.Set when command.IntArgument(0) is 0 or 1:
                session.State.VendorUrcs = command.IntArgument(0) == 1 && session.State.Options.VendorUrcs;
                return Done(SimAtResult.Ok());
            default:
                return Done(SimAtResult.Error());
        }
    }
}
