using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SmsGateway.Benchmarks.Host;

/// <summary>
/// The standalone agent as its own OS process, started the way users start it, with the simulator as its modem and
/// the per-key request rate and the queue capacity raised above any offered load. The per-number limit and the
/// daily cap are lifted too, unless <c>shippedLimits</c> asks for them as they ship: the per-number limit at its
/// default and the daily cap on at a value no run reaches, so both bookkeep every request without refusing one.
/// </summary>
internal sealed class AgentUnderTest : IAsyncDisposable
{
    public const string ApiKey = "bench-key-0123456789";

    private readonly Process _process;

    private AgentUnderTest(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    // Sms:PerDestinationPerHour stays at its default (20); the loads spread their numbers so that none reaches it.
    private static string[] ShippedLimits => ["--Api:DailyCap=1000000000"];

    private static string[] LiftedLimits => ["--Sms:PerDestinationPerHour=0", "--Api:DailyCap=0"];

    /// <summary>From <see cref="Process.Start()"/> to the first <c>200</c> from <c>/api/health</c>.</summary>
    public TimeSpan StartToReady { get; private set; }

    /// <summary>Starts <paramref name="form"/> and waits until it answers <c>/api/health</c> with 200.</summary>
    public static async Task<AgentUnderTest> StartAsync(
        AgentForm form,
        string dataDirectory,
        IEnumerable<string>? extraArgs = null,
        IReadOnlyDictionary<string, string>? environment = null,
        bool shippedLimits = false,
        CancellationToken cancellationToken = default)
    {
        var port = FreePort();
        var info = form.StartInfo();
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        string[] args =
        [
            $"--urls=http://127.0.0.1:{port}",
            $"--Storage:Path={dataDirectory}",
            $"--Api:Keys:0={ApiKey}",
            "--Storage:QueueCapacity=10000000",
            "--Api:RateLimit:PermitsPerSecond=1000000",
            .. shippedLimits ? ShippedLimits : LiftedLimits,

            // A real modem's pace: the worker drains slowly and barely competes with intake.
            "--Modem:Simulator:SendDelayMs=1000",
            "--Modem:Simulator:DeliveryReports=None",
        ];
        foreach (var arg in args.Concat(extraArgs ?? []))
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        var process = Process.Start(info)!;

        // Drained so a chatty agent never blocks on a full pipe; the output is of no interest here.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var agent = new AgentUnderTest(process, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await agent.WaitUntilReadyAsync(clock, cancellationToken);
            return agent;
        }
        catch
        {
            await agent.DisposeAsync();
            throw;
        }
    }

    /// <summary>The agent's resident memory (VmRSS) in bytes, read from /proc.</summary>
    public long ResidentBytes() => Status("VmRSS");

    /// <summary>
    /// A memory figure of /proc/&lt;pid&gt;/status in bytes: <c>VmRSS</c> = <c>RssAnon</c> (heaps, private)
    /// + <c>RssFile</c> (mapped runtime and assemblies, shareable, reclaimable) + <c>RssShmem</c>.
    /// </summary>
    public long Status(string field)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilReadyAsync(Stopwatch clock, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The agent exited with {_process.ExitCode} before it was ready.");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    StartToReady = clock.Elapsed;
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            // Polled often: the start-to-ready figure is only as fine as this.
            await Task.Delay(5, cancellationToken);
        }

        throw new TimeoutException("The agent was not ready within 60 s.");
    }
}
