using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmsGateway.Testing;

namespace SmsGateway.Benchmarks.Modem;

/// <summary>
/// The agent (Release build) as its own process, its modem on the rig's pty, with every limit that would
/// throttle a benchmark (per-destination hourly limit, API rate limit, daily cap) turned off.
/// </summary>
internal sealed class PtyAgent : IAsyncDisposable
{
    private const string ApiKey = "bench-key-0123456789abcdef";
    private readonly AgentProcess _process;
    private readonly ConcurrentBag<string> _accepted = [];

    private PtyAgent(AgentProcess process)
    {
        _process = process;
        Client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 })
        {
            BaseAddress = process.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        Client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
    }

    public HttpClient Client { get; }

    /// <summary>Starts the agent and waits until its modem is connected and registered.</summary>
    public static async Task<PtyAgent> StartAsync(ModemRig rig, string workDirectory)
    {
        var process = AgentProcess.Start(
        [
            $"--Storage:Path={Path.Combine(workDirectory, "data")}",
            $"--Api:Keys:0={ApiKey}",
            $"--Modem:Port={rig.HostPath}",
            "--Sms:PerDestinationPerHour=0",
            "--Api:RateLimit:PermitsPerSecond=1000000",
            "--Api:DailyCap=0",

            // Extra settings to compare against the defaults, e.g. SMSGW_BENCH_AGENT_ARGS="--Storage:Synchronous=Normal".
            .. (Environment.GetEnvironmentVariable("SMSGW_BENCH_AGENT_ARGS") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries),
        ]);
        var agent = new PtyAgent(process);
        try
        {
            await process.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            await agent.WaitForModemAsync(TimeSpan.FromSeconds(60));
            return agent;
        }
        catch
        {
            await agent.DisposeAsync();
            throw;
        }
    }

    /// <summary>Posts one message; returns the timestamp at which the <c>202</c> arrived.</summary>
    public async Task<long> SubmitAsync(BenchMessage message, CancellationToken cancellationToken)
    {
        using var response = await Client.PostAsJsonAsync("/api/messages", new { to = new[] { message.To }, text = message.Text }, cancellationToken);
        var acceptedAt = Stopwatch.GetTimestamp();
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"POST /api/messages answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        _accepted.Add(body.GetProperty("id").GetString()!);
        return acceptedAt;
    }

    /// <summary>
    /// How many accepted messages the status API shows as sent or delivered, after waiting (up to
    /// <paramref name="timeout"/>) for all of them: proof that the whole path ran, not just the modem.
    /// </summary>
    public async Task<int> WaitUntilSentAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        var pending = _accepted.ToList();
        while (true)
        {
            var still = new List<string>();
            foreach (var id in pending)
            {
                var message = await Client.GetFromJsonAsync<JsonElement>($"/api/messages/{id}", cancellationToken);
                if (message.GetProperty("destinations")[0].GetProperty("status").GetString() is not ("sent" or "delivered"))
                {
                    still.Add(id);
                }
            }

            pending = still;
            if (pending.Count == 0 || DateTime.UtcNow > deadline)
            {
                return _accepted.Count - pending.Count;
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _process.DisposeAsync();
    }

    private async Task WaitForModemAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var response = await Client.GetAsync("/api/health");
            var health = await response.Content.ReadFromJsonAsync<JsonElement>();
            var modem = health.GetProperty("modem");
            if (modem.GetProperty("connected").GetBoolean() && modem.GetProperty("registered").GetBoolean())
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The agent's modem never connected; last health: {health}\n{_process.Output}");
            }

            await Task.Delay(50);
        }
    }
}
