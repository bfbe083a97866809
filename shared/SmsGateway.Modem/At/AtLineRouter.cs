using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace SmsGateway.Modem.At;

/// <summary>
/// Decides where each received line goes: the command in flight (information lines, final result),
/// the URC stream, or nowhere (echo, stale results). Lines that carry the in-flight command's own prefix
/// are its response even when the same code can be unsolicited (<c>+CREG:</c> after <c>AT+CREG?</c>).
/// Used only by the channel's reader loop, so it needs no locking of its own.
/// </summary>
internal sealed class AtLineRouter(ChannelWriter<AtUrc> urcs, ILogger logger)
{
    private string? _urcAwaitingBody;

    public void Route(AtLine received, AtPendingCommand? pending)
    {
        var line = received.Text;
        AtChannelLog.Received(logger, AtRedaction.Redact(line));
        if (received.Noisy && !IsRecognisable(line, pending))
        {
            // Bytes from a baud-rate mismatch or a modem rebooting: only a line with a known code is trusted.
            AtChannelLog.Noise(logger, line.Length);
            return;
        }

        if (_urcAwaitingBody is { } header)
        {
            _urcAwaitingBody = null;
            if (AtLineClassifier.IsHex(line))
            {
                Publish(new AtUrc(AtLineClassifier.NameOf(header), header, line));
                return;
            }

            // The body never came: deliver the header alone and treat this line on its own.
            Publish(new AtUrc(AtLineClassifier.NameOf(header), header));
        }

        if (received.IsPrompt)
        {
            // Only produced while a command waits for it; the payload follows.
            pending?.Prompt.TrySetResult();
            return;
        }

        if (pending is not null && pending.IsEcho(line))
        {
            return;
        }

        if (AtLineClassifier.TryParseFinal(line, out var result))
        {
            if (pending is null)
            {
                AtChannelLog.StaleResult(logger, line);
            }
            else
            {
                pending.Finish(result);
            }

            return;
        }

        if (pending is not null && pending.IsExpectedResponse(line))
        {
            pending.AddLine(line);
            return;
        }

        if (AtLineClassifier.UrcName(line) is { } name)
        {
            if (AtLineClassifier.HasBody(name))
            {
                _urcAwaitingBody = line;
            }
            else
            {
                Publish(new AtUrc(name, line));
            }

            return;
        }

        if (pending is not null)
        {
            pending.AddLine(line);
        }
        else
        {
            Publish(new AtUrc(AtLineClassifier.NameOf(line), line));
        }
    }

    private static bool IsRecognisable(string line, AtPendingCommand? pending) =>
        AtLineClassifier.TryParseFinal(line, out _)
        || AtLineClassifier.UrcName(line) is not null
        || (pending is not null && pending.IsExpectedResponse(line));

    private void Publish(AtUrc urc)
    {
        AtChannelLog.Unsolicited(logger, urc.Name);
        urcs.TryWrite(urc);
    }
}
