using System.Globalization;
using System.Text.Json;
using SmsGateway.Benchmarks;

// Usage: SmsGateway.Benchmarks <scenario>... | all [--smoke] [--count N]
// One JSON line per scenario on standard output; progress and diagnostics on standard error.
var scenarios = typeof(IBenchmarkScenario).Assembly.GetTypes()
    .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchmarkScenario).IsAssignableFrom(t))
    .Select(t => (IBenchmarkScenario)Activator.CreateInstance(t, nonPublic: true)!)
    .OrderBy(s => s.Name, StringComparer.Ordinal)
    .ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);

var smoke = args.Contains("--smoke");
int? count = null;
var names = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--smoke":
            break;
        case "--count" when i + 1 < args.Length:
            count = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        default:
            names.Add(args[i]);
            break;
    }
}

if (names.Count == 0 || names.Any(n => n != "all" && !scenarios.ContainsKey(n)))
{
    await Console.Error.WriteLineAsync($"usage: SmsGateway.Benchmarks <{string.Join('|', scenarios.Keys)}|all>... [--smoke] [--count N]");
    return 2;
}

var selected = names.Contains("all") ? scenarios.Values.ToList() : names.Select(n => scenarios[n]).ToList();
var work = Path.Combine(Path.GetTempPath(), $"smsgw-bench-{Environment.ProcessId}");
Directory.CreateDirectory(work);
var failed = 0;
try
{
    foreach (var scenario in selected)
    {
        var directory = Path.Combine(work, scenario.Name);
        Directory.CreateDirectory(directory);
        await Console.Error.WriteLineAsync($"[bench] {scenario.Name}{(smoke ? " (smoke)" : string.Empty)}");
        try
        {
            var figures = await scenario.RunAsync(new BenchmarkSettings(smoke, count, directory), CancellationToken.None);
            figures["scenario"] = scenario.Name;
            figures["smoke"] = smoke;
            Console.WriteLine(figures.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A scenario that cannot run is reported and makes the exit code non-zero, so a smoke run catches rot.
            failed++;
            await Console.Error.WriteLineAsync($"[bench] {scenario.Name} failed: {ex}");
        }
    }
}
finally
{
    Directory.Delete(work, recursive: true);
}

return failed == 0 ? 0 : 1;
