using System.Text.Json.Nodes;

namespace SmsGateway.Benchmarks;

/// <summary>
/// One benchmark scenario. Scenarios are found by reflection, so adding one is adding a class; each
/// returns its figures as one JSON object, printed as one line on standard output.
/// </summary>
internal interface IBenchmarkScenario
{
    /// <summary>The name on the command line (<c>utilisation</c>, <c>intake</c>, ...).</summary>
    string Name { get; }

    /// <summary>Runs the scenario and returns its figures. Reports, never asserts.</summary>
    Task<JsonObject> RunAsync(BenchmarkSettings settings, CancellationToken cancellationToken);
}
