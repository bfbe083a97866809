using System.Text.Json.Nodes;

namespace SmsGateway.Benchmarks.Host;

/// <summary>
/// Issue 7, scenario 5: the agent's resident memory idle (ready, then settled) and under load, and
/// the time from process start to the first <c>200</c> from <c>/api/health</c>; for the published
/// form users run and for the plain Release build, each with the runtime settings worth comparing.
/// </summary>
internal sealed class FootprintScenario : IBenchmarkScenario
{
    // Runtime knobs tried on top of what the project file sets (DOTNET_* environment variables).
    // Runtime knobs tried on top of what the project sets (the Web SDK's default is server GC), as
    // DOTNET_* environment variables so that one published folder serves every variant.
    private static readonly (string Name, Dictionary<string, string> Environment)[] Knobs =
    [
        ("as-shipped", []),
        ("workstation-non-concurrent-gc", new() { ["DOTNET_gcServer"] = "0", ["DOTNET_gcConcurrent"] = "0" }),
        ("gc-conserve-memory-7", new() { ["DOTNET_GCConserveMemory"] = "7" }),
        ("tiered-pgo-off", new() { ["DOTNET_TieredPGO"] = "0" }),
        ("write-xor-execute-off", new() { ["DOTNET_EnableWriteXorExecute"] = "0" }),
        ("all-of-the-above", new()
        {
            ["DOTNET_gcServer"] = "0", ["DOTNET_gcConcurrent"] = "0", ["DOTNET_GCConserveMemory"] = "7",
            ["DOTNET_TieredPGO"] = "0", ["DOTNET_EnableWriteXorExecute"] = "0",
        }),
    ];

    public string Name => "footprint";

    public async Task<JsonObject> RunAsync(BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        var starts = settings.CountOr(3, 1);
        var settle = TimeSpan.FromSeconds(settings.Smoke ? 1 : 5);
        var load = TimeSpan.FromSeconds(settings.Smoke ? 2 : 5);
        var variants = new JsonArray();

        // A publish takes minutes on a busy machine: the smoke run measures the Release build alone.
        var forms = new List<(AgentForm Form, (string Name, Dictionary<string, string> Environment)[] Knobs)> { (AgentForm.ReleaseBuild(), Knobs[..1]) };
        if (!settings.Smoke)
        {
            forms.Insert(0, (await AgentPublisher.PublishAsync(cancellationToken), Knobs));
        }

        foreach (var (form, knobs) in forms)
        {
            foreach (var (knob, environment) in settings.Smoke ? knobs[..1] : knobs)
            {
                variants.Add(await MeasureAsync(form, knob, environment, starts, settle, load, settings.WorkDirectory, cancellationToken));
            }
        }

        return new JsonObject { ["cores"] = Environment.ProcessorCount, ["variants"] = variants };
    }

    private static async Task<JsonObject> MeasureAsync(
        AgentForm form, string knob, Dictionary<string, string> environment, int starts, TimeSpan settle, TimeSpan load, string work, CancellationToken cancellationToken)
    {
        var readyMs = new List<double>();
        long idle = 0, peak = 0;
        JsonObject? underLoad = null, idleParts = null;
        for (var i = 0; i < starts; i++)
        {
            var data = Path.Combine(work, $"{form.Name}-{knob}-{i}");
            await using var agent = await AgentUnderTest.StartAsync(form, data, environment: environment, cancellationToken: cancellationToken);
            readyMs.Add(Math.Round(agent.StartToReady.TotalMilliseconds, 1));
            if (i < starts - 1)
            {
                continue;
            }

            // Memory is measured on the last start only: idle once settled, then the peak under wrk.
            await Task.Delay(settle, cancellationToken);
            idle = agent.ResidentBytes();
            idleParts = new JsonObject
            {
                ["anonMb"] = Megabytes(agent.Status("RssAnon")),
                ["fileMb"] = Megabytes(agent.Status("RssFile")),
                ["shmemMb"] = Megabytes(agent.Status("RssShmem")),
            };
            using var sampling = new CancellationTokenSource();
            var sampler = SamplePeakAsync(agent, sampling.Token);
            underLoad = await WrkLoad.RunAsync(agent.BaseAddress, 64, load, work, cancellationToken);
            await sampling.CancelAsync();
            peak = await sampler;
        }

        readyMs.Sort();
        return new JsonObject
        {
            ["form"] = form.Name,
            ["runtime"] = knob,
            ["readyMsMedian"] = readyMs[readyMs.Count / 2],
            ["readyMs"] = new JsonArray([.. readyMs.Select(r => (JsonNode)r)]),
            ["idleRssMb"] = Megabytes(idle),
            ["idleRssParts"] = idleParts,
            ["loadPeakRssMb"] = Megabytes(peak),
            ["loadAcceptedPerSecond"] = underLoad!["acceptedPerSecond"]!.DeepClone(),
            ["loadStatuses"] = underLoad["statuses"]!.DeepClone(),
        };
    }

    private static async Task<long> SamplePeakAsync(AgentUnderTest agent, CancellationToken stop)
    {
        long peak = 0;
        while (!stop.IsCancellationRequested)
        {
            peak = Math.Max(peak, agent.ResidentBytes());
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return Math.Max(peak, agent.ResidentBytes());
    }

    private static double Megabytes(long bytes) => Math.Round(bytes / 1_048_576.0, 1);
}
