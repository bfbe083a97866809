namespace SmsGateway.Agent.Hosting;

public static class DiagnosticCommands
{
    public static bool Handles(string verb) => verb is "pdu" or "modem";

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) => Task.FromResult(args.Length + (output == error ? 1 : 0));
}
