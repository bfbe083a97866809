using SmsGateway.Modem.Pdu;

namespace SmsGateway.Modem.Simulator;

/// <summary>
/// <c>AT+CMGS=&lt;length&gt;</c> in PDU mode: prompt, read the PDU up to Ctrl-Z, check it as a modem would,
/// spend the air time and answer <c>+CMGS: &lt;mr&gt;</c>.
/// </summary>
internal static class SimSendCommand
{
    // The longest TPDU an SMS-SUBMIT can have (TS 27.005 allows up to 164 octets after the SMSC).
    private const int MaxTpduLength = 164;

    public static async ValueTask<SimAtResult> SendAsync(SimulatorSession session, SimAtCommand command, CancellationToken cancellationToken)
    {
        if (command.Kind == SimAtCommandKind.Test)
        {
            return SimAtResult.Ok();
        }

        var state = session.State;
        if (command.Kind != SimAtCommandKind.Set)
        {
            return SimAtResult.Error();
        }

        if (SimSmsCommands.Precondition(state, needsPduMode: true) is { } error)
        {
            return error;
        }

        if (command.IntArgument(0) is not { } length || length is < 1 or > MaxTpduLength)
        {
            return SimAtResult.Cms(SimErrorTexts.CmsInvalidPduParameter);
        }

        (string Hex, bool Cancelled)? input;
        await session.BeginExclusiveAsync(cancellationToken);
        try
        {
            // Some modems put unsolicited lines in the same write as the prompt (Huawei ^RSSI, ZTE +ZPASR, a +CDSI notice).
            var dialect = state.Dialect;
            var before = string.Concat(dialect.LinesBeforePrompt.Select(l => $"\r\n{l}\r\n"));
            var after = (state.Options.LineAfterPrompt is { Length: > 0 } line ? line : dialect.LineAfterPrompt) is { } afterLine ? $"\r\n{afterLine}\r\n" : string.Empty;
            await session.WriteAsync(before + "\r\n> " + after, cancellationToken);
            input = await session.ReadPduAsync(cancellationToken);
        }
        finally
        {
            session.EndExclusive();
        }

        if (input is not { } pdu)
        {
            return SimAtResult.Silent();
        }

        if (pdu.Cancelled)
        {
            return SimAtResult.Ok();
        }

        if (Validate(pdu.Hex, length, out var reason) is not { } submit)
        {
            session.Modem.PduRejected(reason);
            return SimAtResult.Cms(SimErrorTexts.CmsInvalidPduParameter);
        }

        if (!state.Registered)
        {
            return SimAtResult.Cms(SimErrorTexts.CmsNoNetworkService);
        }

        // The network answers a refused submit after the same round trip as an accepted one.
        await Task.Delay(TimeSpan.FromMilliseconds(state.Options.SendDelayMs), session.Modem.TimeProvider, cancellationToken);
        if (state.TakeSendFailure() is { } failure)
        {
            return SimAtResult.Cms(failure);
        }

        var messageReference = state.NextMessageReference();
        session.Modem.RecordTransmission(submit, pdu.Hex.ToUpperInvariant(), messageReference);
        foreach (var noise in state.Dialect.NoiseAfterSend)
        {
            session.EnqueueUrc(noise);
        }

        return state.TakeLostAnswer() ? SimAtResult.Silent() : SimAtResult.Ok($"+CMGS: {messageReference}");
    }

    private static SubmitMessage? Validate(string hex, int length, out string reason)
    {
        var actual = SimulatorPdu.TpduLength(hex);
        if (actual != length)
        {
            reason = actual < 0 ? "not hex or no TPDU" : $"AT+CMGS={length} but the PDU has {actual} octets after the SMSC";
            return null;
        }

        try
        {
            if (PduDecoder.Decode(hex, includesSmsc: true) is SubmitMessage submit)
            {
                reason = string.Empty;
                return submit;
            }

            reason = "not an SMS-SUBMIT";
            return null;
        }
        catch (PduFormatException ex)
        {
            reason = ex.Message;
            return null;
        }
    }
}
