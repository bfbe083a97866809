using Microsoft.Extensions.Logging;
using SmsGateway.Core.Modem;
using SmsGateway.Core.Phone;
using SmsGateway.Modem.At;
using SmsGateway.Modem.Pdu;

namespace SmsGateway.Modem.Driver;

/// <summary>Sends one SMS at a time in PDU mode, part by part, and classifies every failure.</summary>
internal sealed class SmsSender(ModemOptions options, TimeProvider timeProvider, ILogger logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    // Starts anywhere so that a restart does not reuse the reference of the last message the recipient got.
    private int _concatReference = Random.Shared.Next(256);

    public async Task<SmsSendReceipt> SendAsync(ModemSession session, ModemSendRequest sms, CancellationToken cancellationToken)
    {
        var concatReference = sms.ConcatReference ?? (byte)Interlocked.Increment(ref _concatReference);
        var parts = Encode(sms, concatReference);
        var multipart = parts.Count > 1;
        var remaining = parts.Skip(Math.Max(0, sms.PartsAlreadySent)).ToList();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            GsmModemLog.Sending(logger, PhoneMask.Mask(sms.To), remaining.Count);
            if (remaining.Count > 1 && !session.LinkKeptOpen)
            {
                // Keeps the radio link open between the parts; modems without it answer ERROR, which is fine.
                // Once per connection: asking before every message cost a round trip between two sends.
                await TryKeepLinkOpenAsync(session, cancellationToken);
                session.LinkKeptOpen = true;
            }

            var references = new List<int>(remaining.Count);
            foreach (var part in remaining)
            {
                try
                {
                    references.Add(await SendPartAsync(session, part, parts.Count, cancellationToken));
                }
                catch (AtException ex)
                {
                    throw Failed(sms, SendFailureClassifier.ToSendException(ex, part.PartNumber, references, parts.Count, multipart ? concatReference : null));
                }
                catch (SmsSendException ex)
                {
                    throw Failed(sms, new SmsSendException(ex.Kind, ex.Message, ex.ErrorCode, ex.InnerException)
                    {
                        SentPartReferences = [.. references],
                        ConcatReference = multipart ? concatReference : null,
                    });
                }
            }

            GsmModemLog.Sent(logger, PhoneMask.Mask(sms.To), string.Join(",", references));
            return new SmsSendReceipt(references, timeProvider.GetUtcNow());
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task<int> SendPartAsync(ModemSession session, SubmitPdu part, int partCount, CancellationToken cancellationToken)
    {
        var response = await session.ExecuteWithPayloadAsync($"AT+CMGS={part.TpduLength}", part.Hex, cancellationToken);
        var reference = AtValueParser.Int(AtValueParser.Fields(response.ValueOf("+CMGS:")), 0);
        if (reference is null)
        {
            // An OK without +CMGS is not this send's answer (a late OK of an earlier command):
            // whether the part left is unknown, and the channel is out of step until re-initialised.
            session.MarkOutOfStep();
            throw new SmsSendException(
                SendFailureKind.UnknownOutcome,
                $"the modem answered part {part.PartNumber} of {partCount} without a message reference; re-initialising");
        }

        return reference.Value;
    }

    private SmsSendException Failed(ModemSendRequest sms, SmsSendException failure)
    {
        GsmModemLog.SendFailed(logger, PhoneMask.Mask(sms.To), failure.Kind, failure.Message);
        return failure;
    }

    private IReadOnlyList<SubmitPdu> Encode(ModemSendRequest sms, int concatReference)
    {
        try
        {
            return PduEncoder.EncodeSubmit(sms.To, sms.Text, new SubmitOptions
            {
                RequestStatusReport = sms.RequestDeliveryReport && options.DeliveryReports,
                ConcatReference = (byte)concatReference,
            });
        }
        catch (ArgumentException ex)
        {
            throw new SmsSendException(SendFailureKind.Permanent, $"cannot encode the SMS: {ex.Message}", null, ex);
        }
    }

    private static async Task TryKeepLinkOpenAsync(ModemSession session, CancellationToken cancellationToken)
    {
        try
        {
            await session.TryExecuteAsync("AT+CMMS=2", cancellationToken);
        }
        catch (AtException)
        {
            // Optional: a modem that ignores it still sends every part, and a lost port fails the first part.
        }
    }
}
