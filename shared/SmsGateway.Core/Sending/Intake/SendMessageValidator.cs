using SmsGateway.Core.Options;
using SmsGateway.Core.Phone;
using SmsGateway.Core.Sending.Policy;
using SmsGateway.Core.Text;

namespace SmsGateway.Core.Sending.Intake;

/// <summary>Checks a send request and normalises its numbers; errors are keyed by request field.</summary>
internal sealed class SendMessageValidator(PhoneNumberNormalizer numbers, SmsOptions options, DestinationPolicy policy)
{
    public sealed record Result(Dictionary<string, string[]> Errors, List<string> Numbers, SmsTextInfo? TextInfo);

    public Result Validate(SendMessageCommand command)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var normalized = new List<string>();
        ValidateNumbers(command.To, errors, normalized);

        SmsTextInfo? info = null;
        if (string.IsNullOrWhiteSpace(command.Text))
        {
            errors["text"] = ["The text is empty."];
        }
        else
        {
            info = SmsTextAnalyzer.Analyze(command.Text);
            if (info.Segments > options.MaxSegments)
            {
                errors["text"] = [$"The text needs {info.Segments} SMS parts ({info.Encoding}); at most {options.MaxSegments} are allowed."];
            }
        }

        if (command.IdempotencyKey is { } key && (key.Length is 0 or > 200))
        {
            errors["Idempotency-Key"] = ["The Idempotency-Key header must be 1 to 200 characters long."];
        }

        return new Result(errors, normalized, info);
    }

    private void ValidateNumbers(IReadOnlyList<string?>? to, Dictionary<string, string[]> errors, List<string> normalized)
    {
        if (to is null || to.Count == 0)
        {
            errors["to"] = ["At least one destination number is required."];
            return;
        }

        if (to.Count > options.MaxDestinations)
        {
            errors["to"] = [$"At most {options.MaxDestinations} destinations are allowed per message; got {to.Count}."];
            return;
        }

        for (var i = 0; i < to.Count; i++)
        {
            if (!numbers.TryNormalize(to[i], out var e164, out var error))
            {
                errors[$"to[{i}]"] = [error!];
            }
            else if (policy.Check(e164) is { } refused)
            {
                errors[$"to[{i}]"] = [refused];
            }
            else if (!normalized.Contains(e164))
            {
                // The same number twice in one request gets one SMS, not two.
                normalized.Add(e164);
            }
        }
    }
}
