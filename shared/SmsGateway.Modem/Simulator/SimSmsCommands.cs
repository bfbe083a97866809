namespace SmsGateway.Modem.Simulator;

/// <summary>The SMS commands of 3GPP TS 27.005 in PDU mode, except <c>AT+CMGS</c> (see <see cref="SimSendCommand"/>).</summary>
internal static class SimSmsCommands
{
    private const string Storage = "SM";

    public static void Register(Dictionary<string, SimAtHandler> handlers)
    {
        handlers["+CMGF"] = (session, command, _) => SimGeneralCommands.Done(MessageFormat(session.State, command));
        handlers["+CSMS"] = (session, command, _) => SimGeneralCommands.Done(MessageService(session.State, command));
        handlers["+CPMS"] = (session, command, _) => SimGeneralCommands.Done(PreferredStorage(session.State, command));
        handlers["+CNMI"] = (session, command, _) => SimGeneralCommands.Done(Indications(session.State, command));
        handlers["+CMMS"] = (session, command, _) => SimGeneralCommands.Done(MoreMessages(session.State, command));
        handlers["+CSCA"] = (session, command, _) => SimGeneralCommands.Done(ServiceCentre(session.State, command));
        handlers["+CMGR"] = (session, command, _) => SimGeneralCommands.Done(ReadMessage(session.State, command));
        handlers["+CMGL"] = (session, command, _) => SimGeneralCommands.Done(ListMessages(session.State, command));
        handlers["+CMGD"] = (session, command, _) => SimGeneralCommands.Done(DeleteMessage(session.State, command));
        handlers["+CNMA"] = (_, command, _) => SimGeneralCommands.Done(
            command.Kind == SimAtCommandKind.Test ? SimAtResult.Ok("+CNMA: (0-2)") : SimAtResult.Ok());
        handlers["+CMGS"] = SimSendCommand.SendAsync;
    }

    /// <summary>The error an SMS command gets before it runs, or null when it may run.</summary>
    public static SimAtResult? Precondition(SimulatedModemState state, bool needsPduMode)
    {
        if (!state.SimReady)
        {
            return SimAtResult.Cms(SimErrorTexts.CmsSimPinRequired);
        }

        // The simulator implements PDU mode only; text mode is accepted by +CMGF but its commands are refused.
        return needsPduMode && !state.PduMode ? SimAtResult.Cms(SimErrorTexts.CmsOperationNotAllowed) : null;
    }

    private static SimAtResult MessageFormat(SimulatedModemState state, SimAtCommand command)
    {
        switch (command.Kind)
        {
            case SimAtCommandKind.Read:
                return SimAtResult.Ok($"+CMGF: {(state.PduMode ? 0 : 1)}");
            case SimAtCommandKind.Test:
                return SimAtResult.Ok("+CMGF: (0,1)");
            case SimAtCommandKind.Set when command.IntArgument(0) is 0 or 1:
                state.PduMode = command.IntArgument(0) == 0;
                return SimAtResult.Ok();
            default:
                return SimAtResult.Error();
        }
    }

    private static SimAtResult MessageService(SimulatedModemState state, SimAtCommand command)
    {
        switch (command.Kind)
        {
            case SimAtCommandKind.Read:
                return SimAtResult.Ok($"+CSMS: {state.MessageService},1,1,1");
            case SimAtCommandKind.Test:
                return SimAtResult.Ok("+CSMS: (0,1)");
            case SimAtCommandKind.Set when command.IntArgument(0) is 0 or 1:
                state.MessageService = command.IntArgument(0)!.Value;
                return SimAtResult.Ok("+CSMS: 1,1,1");
            default:
                return SimAtResult.Cms(SimErrorTexts.CmsOperationNotSupported);
        }
    }

    private static SimAtResult PreferredStorage(SimulatedModemState state, SimAtCommand command)
    {
        if (command.Kind == SimAtCommandKind.Test)
        {
            return SimAtResult.Ok($"+CPMS: (\"{Storage}\"),(\"{Storage}\"),(\"{Storage}\")");
        }

        if (Precondition(state, needsPduMode: false) is { } error)
        {
            return error;
        }

        var used = state.Storage.Used;
        var total = state.Storage.Capacity;
        switch (command.Kind)
        {
            case SimAtCommandKind.Read:
                return SimAtResult.Ok($"+CPMS: \"{Storage}\",{used},{total},\"{Storage}\",{used},{total},\"{Storage}\",{used},{total}");
            case SimAtCommandKind.Set when command.Arguments().All(m => m.Equals(Storage, StringComparison.OrdinalIgnoreCase)):
                return SimAtResult.Ok($"+CPMS: {used},{total},{used},{total},{used},{total}");
            default:
                return SimAtResult.Cms(SimErrorTexts.CmsOperationNotAllowed);
        }
    }

    private static SimAtResult Indications(SimulatedModemState state, SimAtCommand command)
    {
        switch (command.Kind)
        {
            case SimAtCommandKind.Read:
                return SimAtResult.Ok($"+CNMI: {string.Join(',', state.NewMessageIndication)}");
            case SimAtCommandKind.Test:
                return SimAtResult.Ok("+CNMI: (0-3),(0-3),(0,2),(0-2),(0,1)");
            case SimAtCommandKind.Set:
                int[] maxima = [3, 3, 3, 2, 1];
                var arguments = command.Arguments();
                var values = state.NewMessageIndication.ToArray();
                for (var i = 0; i < arguments.Count && i < values.Length; i++)
                {
                    if (arguments[i].Length == 0)
                    {
                        continue;
                    }

                    if (command.IntArgument(i) is not { } value || value > maxima[i])
                    {
                        return SimAtResult.Cms(SimErrorTexts.CmsOperationNotSupported);
                    }

                    values[i] = value;
                }

                state.NewMessageIndication = values;
                return SimAtResult.Ok();
            default:
                return SimAtResult.Error();
        }
    }

    private static SimAtResult MoreMessages(SimulatedModemState state, SimAtCommand command)
    {
        switch (command.Kind)
        {
            case SimAtCommandKind.Read:
                return SimAtResult.Ok($"+CMMS: {state.MoreMessagesMode}");
            case SimAtCommandKind.Test:
                return SimAtResult.Ok("+CMMS: (0-2)");
            case SimAtCommandKind.Set when command.IntArgument(0) is 0 or 1 or 2:
                state.MoreMessagesMode = command.IntArgument(0)!.Value;
                return SimAtResult.Ok();
            default:
                return SimAtResult.Cms(SimErrorTexts.CmsOperationNotSupported);
        }
    }

    private static SimAtResult ServiceCentre(SimulatedModemState state, SimAtCommand command)
    {
        if (command.Kind == SimAtCommandKind.Test)
        {
            return SimAtResult.Ok();
        }

        if (Precondition(state, needsPduMode: false) is { } error)
        {
            return error;
        }

        switch (command.Kind)
        {
            case SimAtCommandKind.Read:
                var type = state.SmscAddress.StartsWith('+') ? 145 : 129;
                return SimAtResult.Ok($"+CSCA: \"{state.SmscAddress}\",{type}");
            case SimAtCommandKind.Set when command.Arguments()[0] is { Length: > 0 } address:
                state.SmscAddress = address;
                return SimAtResult.Ok();
            default:
                return SimAtResult.Cms(SimErrorTexts.CmsOperationNotAllowed);
        }
    }

    private static SimAtResult ReadMessage(SimulatedModemState state, SimAtCommand command)
    {
        if (command.Kind == SimAtCommandKind.Test)
        {
            return SimAtResult.Ok();
        }

        if (Precondition(state, needsPduMode: true) is { } error)
        {
            return error;
        }

        if (command.Kind != SimAtCommandKind.Set || command.IntArgument(0) is not { } index)
        {
            return SimAtResult.Cms(SimErrorTexts.CmsOperationNotAllowed);
        }

        // An empty or out-of-range slot answers 321, as Huawei and most Qualcomm-based modems do.
        return state.Storage.Read(index) is { } message
            ? SimAtResult.Ok($"+CMGR: {(int)message.Status},,{message.TpduLength}", message.Pdu)
            : SimAtResult.Cms(SimErrorTexts.CmsInvalidMemoryIndex);
    }

    private static SimAtResult ListMessages(SimulatedModemState state, SimAtCommand command)
    {
        if (command.Kind == SimAtCommandKind.Test)
        {
            return SimAtResult.Ok("+CMGL: (0-4)");
        }

        if (Precondition(state, needsPduMode: true) is { } error)
        {
            return error;
        }

        // Without a <stat> the default is "received unread" (TS 27.005 §3.4.2).
        var stat = command.Kind == SimAtCommandKind.Execute ? 0 : command.IntArgument(0);
        if (stat is not (>= 0 and <= 4))
        {
            return SimAtResult.Cms(SimErrorTexts.CmsOperationNotAllowed);
        }

        var lines = new List<string>();
        foreach (var message in state.Storage.List(stat == 4 ? null : (SimMessageStatus)stat))
        {
            lines.Add($"+CMGL: {message.Index},{(int)message.Status},,{message.TpduLength}");
            lines.Add(message.Pdu);
        }

        return new SimAtResult(lines, SimAtFinal.Ok);
    }

    private static SimAtResult DeleteMessage(SimulatedModemState state, SimAtCommand command)
    {
        if (command.Kind == SimAtCommandKind.Test)
        {
            return SimAtResult.Ok($"+CMGD: (1-{state.Storage.Capacity}),(0-4)");
        }

        if (Precondition(state, needsPduMode: false) is { } error)
        {
            return error;
        }

        var index = command.IntArgument(0);
        var flag = command.Arguments().Count > 1 ? command.IntArgument(1) : 0;
        if (command.Kind != SimAtCommandKind.Set || index is null || flag is not (>= 0 and <= 4))
        {
            return SimAtResult.Cms(SimErrorTexts.CmsOperationNotAllowed);
        }

        if (flag > 0)
        {
            state.Storage.DeleteMany(flag.Value);
            return SimAtResult.Ok();
        }

        if (!state.Storage.IsValidIndex(index.Value))
        {
            return SimAtResult.Cms(SimErrorTexts.CmsInvalidMemoryIndex);
        }

        // Deleting an empty slot is not an error on SIMCom or Huawei modems.
        state.Storage.Delete(index.Value);
        return SimAtResult.Ok();
    }
}
