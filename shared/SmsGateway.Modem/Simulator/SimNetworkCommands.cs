namespace SmsGateway.Modem.Simulator;

/// <summary>Signal quality, network registration and operator selection.</summary>
internal static class SimNetworkCommands
{
    // Mobile country and network code of the simulated network (a German test-like value).
    private const string NumericOperator = "26201";

    public static void Register(Dictionary<string, SimAtHandler> handlers)
    {
        handlers["+CSQ"] = (session, command, _) => SimGeneralCommands.Done(command.Kind switch
        {
            SimAtCommandKind.Execute => SimAtResult.Ok($"+CSQ: {session.State.SignalRssi},0"),
            SimAtCommandKind.Test => SimAtResult.Ok("+CSQ: (0-31,99),(0-7,99)"),
            _ => SimAtResult.Error(),
        });
        handlers["+CREG"] = (session, command, _) => SimGeneralCommands.Done(Registration(session.State, command, "+CREG", gprs: false));
        handlers["+CGREG"] = (session, command, _) => SimGeneralCommands.Done(Registration(session.State, command, "+CGREG", gprs: true));
        handlers["+COPS"] = (session, command, _) => SimGeneralCommands.Done(Operator(session.State, command));
    }

    /// <summary>The <c>&lt;stat&gt;</c> of +CREG: 1 registered (home), 2 searching, 0 not searching (no SIM access).</summary>
    public static int RegistrationStatus(SimulatedModemState state) =>
        state.Registered ? 1 : state.SimReady ? 2 : 0;

    private static SimAtResult Registration(SimulatedModemState state, SimAtCommand command, string name, bool gprs)
    {
        switch (command.Kind)
        {
            case SimAtCommandKind.Read:
                var mode = gprs ? state.GprsRegistrationMode : state.RegistrationMode;
                var status = RegistrationStatus(state);
                var location = mode == 2 && status == 1 ? ",\"1A2B\",\"00C3D4\"" : string.Empty;
                return SimAtResult.Ok($"{name}: {mode},{status}{location}");
            case SimAtCommandKind.Test:
                return SimAtResult.Ok($"{name}: (0-2)");
            case SimAtCommandKind.Set when command.IntArgument(0) is { } value and <= 2:
                if (gprs)
                {
                    state.GprsRegistrationMode = value;
                }
                else
                {
                    state.RegistrationMode = value;
                }

                return SimAtResult.Ok();
            default:
                return SimAtResult.Cme(SimErrorTexts.CmeOperationNotSupported);
        }
    }

    private static SimAtResult Operator(SimulatedModemState state, SimAtCommand command)
    {
        var name = state.Options.Operator;
        switch (command.Kind)
        {
            case SimAtCommandKind.Read when !state.Registered:
                return SimAtResult.Ok("+COPS: 0");
            case SimAtCommandKind.Read:
                var shortName = name.Length > 8 ? name[..8] : name;
                var value = state.OperatorFormat switch { 1 => shortName, 2 => NumericOperator, _ => name };
                return SimAtResult.Ok($"+COPS: 0,{state.OperatorFormat},\"{value}\"");
            case SimAtCommandKind.Test:
                return SimAtResult.Ok($"+COPS: (2,\"{name}\",\"{(name.Length > 8 ? name[..8] : name)}\",\"{NumericOperator}\"),,(0-4),(0-2)");
            case SimAtCommandKind.Set when command.IntArgument(0) == 3 && command.IntArgument(1) is { } format and <= 2:
                state.OperatorFormat = format;
                return SimAtResult.Ok();
            case SimAtCommandKind.Set when command.IntArgument(0) is 0 or 1 or 2 or 4:
                return SimAtResult.Ok();
            default:
                return SimAtResult.Cme(SimErrorTexts.CmeOperationNotSupported);
        }
    }
}
