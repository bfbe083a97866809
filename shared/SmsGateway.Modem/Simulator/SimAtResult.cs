namespace SmsGateway.Modem.Simulator;

/// <summary>What one simulated command answers: information lines and a final result code.</summary>
/// <param name="Lines">Information text, each line framed with CR LF on the wire.</param>
/// <param name="Final">The final result.</param>
/// <param name="Code">The <c>+CME</c>/<c>+CMS</c> error code for those finals.</param>
internal sealed record SimAtResult(IReadOnlyList<string> Lines, SimAtFinal Final, int Code = 0)
{
    public static SimAtResult Ok() => new([], SimAtFinal.Ok);

    public static SimAtResult Ok(params string[] lines) => new(lines, SimAtFinal.Ok);

    public static SimAtResult Error() => new([], SimAtFinal.Error);

    public static SimAtResult Cme(int code) => new([], SimAtFinal.CmeError, code);

    public static SimAtResult Cms(int code) => new([], SimAtFinal.CmsError, code);

    /// <summary>The line ended without an answer (the port went away mid-command).</summary>
    public static SimAtResult Silent() => new([], SimAtFinal.None);
}
