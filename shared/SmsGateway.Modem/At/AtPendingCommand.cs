namespace SmsGateway.Modem.At;

/// <summary>The one command in flight: what it was, what it has collected, and how it ends.</summary>
internal sealed class AtPendingCommand(string command, string? payload)
{
    private volatile bool _payloadSent;

    public string Command { get; } = command;

    /// <summary>The command as it may appear in logs and exceptions (no PIN).</summary>
    public string DisplayCommand { get; } = AtRedaction.Redact(command);

    public string? Payload { get; } = payload;

    public string? ExpectedPrefix { get; } = AtLineClassifier.ExpectedPrefix(command);

    private readonly List<string> _lines = [];

    /// <summary>
    /// A single-line read (<c>AT+CPIN?</c>, <c>AT+CSQ</c>) whose information line is the whole answer: some modems
    /// (Wavecom Multiband) never follow it with <c>OK</c>.
    /// </summary>
    public bool IsSelfContainedRead { get; } = AtLineClassifier.IsSelfContainedRead(command);

    /// <summary>Set once a self-contained read's information line arrived; the channel then waits only a short grace for the final result.</summary>
    public TaskCompletionSource InformationArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Prompt { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<AtResponse> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool PayloadSent
    {
        get => _payloadSent;
        set => _payloadSent = value;
    }

    /// <summary>True for the modem's echo of this command or of its payload.</summary>
    public bool IsEcho(string line) =>
        line.Equals(Command, StringComparison.OrdinalIgnoreCase)
        || (Payload is not null && line.Equals(Payload, StringComparison.OrdinalIgnoreCase));

    public bool IsExpectedResponse(string line) =>
        ExpectedPrefix is not null && line.StartsWith(ExpectedPrefix, StringComparison.OrdinalIgnoreCase);

    public void AddLine(string line)
    {
        lock (_lines)
        {
            _lines.Add(line);
        }

        if (IsSelfContainedRead && IsExpectedResponse(line))
        {
            InformationArrived.TrySetResult();
        }
    }

    /// <summary>Ends a self-contained read with what arrived, as if <c>OK</c> had followed. False when it had ended already.</summary>
    public bool FinishWithoutFinalResult() => Completion.TrySetResult(new AtResponse(CollectedLines()));

    public void Finish(AtFinalResult result)
    {
        if (result.Success)
        {
            Completion.TrySetResult(new AtResponse(CollectedLines()));
        }
        else
        {
            Completion.TrySetException(new AtCommandException(DisplayCommand, result.Kind, result.Code, result.Line));
        }

        // An error instead of the prompt must wake the writer too.
        Prompt.TrySetResult();
    }

    private string[] CollectedLines()
    {
        lock (_lines)
        {
            return [.. _lines];
        }
    }

    public void Fail(Exception reason)
    {
        Completion.TrySetException(new AtChannelClosedException(DisplayCommand, $"{DisplayCommand} failed: {reason.Message}", PayloadSent, reason));
        Prompt.TrySetResult();
    }
}
