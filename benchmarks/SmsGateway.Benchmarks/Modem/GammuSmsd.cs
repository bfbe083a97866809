using System.Diagnostics;
using System.Globalization;
using SmsGateway.Testing;

namespace SmsGateway.Benchmarks.Modem;

/// <summary>
/// Debian's <c>gammu-smsd</c> (files backend) on the rig's pty, configured in the work directory at run time and
/// tuned as its manual allows for sending fast: no pause between outbox checks (<c>CommTimeout</c>,
/// <c>LoopSleep</c> 0), no signal, battery, security or network polling, incoming checks rare, no delivery reports.
/// </summary>
internal sealed class GammuSmsd : IAsyncDisposable
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly string _config;

    private readonly string _outbox;
    private readonly string _stagingRoot;

    private GammuSmsd(Process process, string config, string log, string outbox, string stagingRoot)
    {
        _process = process;
        _config = config;
        _outbox = outbox;
        _stagingRoot = stagingRoot;
        Log = log;
    }

    /// <summary>SMSD's own log file.</summary>
    public string Log { get; }

    /// <summary>Installs Gammu SMSD when it is missing and this process may (root, apt-get); else says how.</summary>
    public static async Task EnsureInstalledAsync()
    {
        if (ExternalTool.Find("gammu-smsd") is not null && ExternalTool.Find("gammu-smsd-inject") is not null)
        {
            return;
        }

        if (Environment.UserName != "root" || ExternalTool.Find("apt-get") is not { } apt)
        {
            throw new InvalidOperationException("gammu-smsd is not installed; run `sudo apt-get install -y gammu-smsd` (Debian/Ubuntu) and try again.");
        }

        await Console.Error.WriteLineAsync("[bench] installing gammu-smsd with apt-get");
        var (code, output) = await ExternalTool.RunAsync(apt, ["install", "-y", "-qq", "--no-install-recommends", "gammu-smsd"], TimeSpan.FromMinutes(5));
        if (code != 0 || ExternalTool.Find("gammu-smsd") is null)
        {
            throw new InvalidOperationException($"`apt-get install -y gammu-smsd` failed ({code}); install it by hand:\n{output}");
        }
    }

    /// <summary>Writes the configuration, starts SMSD and waits until it has initialised the modem.</summary>
    public static async Task<GammuSmsd> StartAsync(ModemRig rig, string workDirectory)
    {
        var root = Path.Combine(workDirectory, "gammu");
        var spool = new[] { "inbox", "outbox", "sent", "error" }.Select(d => Directory.CreateDirectory(Path.Combine(root, d)).FullName + "/").ToArray();
        var config = Path.Combine(root, "smsdrc");
        var log = Path.Combine(root, "smsd.log");
        await File.WriteAllTextAsync(config, $"""
            [gammu]
            device = {rig.HostPath}
            connection = at115200

            [smsd]
            service = files
            inboxpath = {spool[0]}
            outboxpath = {spool[1]}
            sentsmspath = {spool[2]}
            errorsmspath = {spool[3]}
            logfile = {log}
            debuglevel = 1
            phoneid = bench
            commtimeout = 0
            loopsleep = 0
            sendtimeout = 30
            receivefrequency = 3600
            statusfrequency = 0
            checksignal = 0
            checkbattery = 0
            checksecurity = 0
            checknetwork = 0
            resetfrequency = 0
            hardresetfrequency = 0
            deliveryreport = no
            """);

        var start = new ProcessStartInfo(ExternalTool.Find("gammu-smsd")!) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(config);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var smsd = new GammuSmsd(process, config, log, spool[1], Directory.CreateDirectory(Path.Combine(root, "staging")).FullName);
        await smsd.WaitForLogAsync("Starting phone communication", TimeSpan.FromSeconds(60));
        return smsd;
    }

    /// <summary>
    /// Puts one message in the outbox with <c>gammu-smsd-inject</c>; the timestamp at which it is there. The
    /// files backend reads outbox files while they are being written (a polling SMSD moved half-written files to
    /// the error folder), so each message is injected into a folder of its own and then renamed into the
    /// outbox, atomically, as a spool should be fed.
    /// </summary>
    public async Task<long> InjectAsync(BenchMessage message, CancellationToken cancellationToken)
    {
        var staging = Directory.CreateDirectory(Path.Combine(_stagingRoot, Guid.NewGuid().ToString("N"))).FullName;
        var config = Path.Combine(staging, "injectrc");
        await File.WriteAllTextAsync(config, (await File.ReadAllTextAsync(_config, cancellationToken)).Replace(_outbox, staging + "/", StringComparison.Ordinal), cancellationToken);
        List<string> arguments = ["-c", config, "TEXT", message.To];
        if (message.Unicode)
        {
            arguments.Add("-unicode");
        }

        if (BenchMessage.Parts([message]) > 1)
        {
            arguments.AddRange(["-len", message.Text.Length.ToString(CultureInfo.InvariantCulture)]);
        }

        arguments.AddRange(["-text", message.Text]);
        var (code, output) = await ExternalTool.RunAsync(ExternalTool.Find("gammu-smsd-inject")!, arguments, ToolTimeout);
        if (code != 0)
        {
            throw new InvalidOperationException($"gammu-smsd-inject failed ({code}):\n{output}");
        }

        foreach (var file in Directory.GetFiles(staging, "OUT*"))
        {
            File.Move(file, Path.Combine(_outbox, Path.GetFileName(file)));
        }

        return Stopwatch.GetTimestamp();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitForLogAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!(File.Exists(Log) && (await ReadLogAsync()).Contains(text, StringComparison.Ordinal)))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"gammu-smsd did not log \"{text}\" (exited: {_process.HasExited}); its log:\n{(File.Exists(Log) ? await ReadLogAsync() : "(none)")}");
            }

            await Task.Delay(50);
        }
    }

    private async Task<string> ReadLogAsync()
    {
        await using var stream = new FileStream(Log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
