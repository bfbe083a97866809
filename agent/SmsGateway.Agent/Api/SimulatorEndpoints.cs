using System.Text.Json;
using SmsGateway.Agent.Security;
using SmsGateway.Modem.Simulator;

namespace SmsGateway.Agent.Api;

/// <summary>
/// <c>POST /api/simulator/inbound</c>: makes the simulated modem receive an SMS, as if a phone had
/// sent it. Mapped only while the simulator is the modem.
/// </summary>
public static class SimulatorEndpoints
{
    public static IEndpointRouteBuilder MapSimulatorEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/simulator/inbound", InjectAsync)
            .RequireApiScope(ApiScopes.Admin)
            .WithName("SimulateInboundSms")
            .WithTags("Simulator")
            .Accepts<SimulatorInboundBody>("application/json")
            .Produces<SimulatorInboundResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem();
        return routes;
    }

    private static async Task<IResult> InjectAsync(HttpRequest request, SimulatedModem simulator, CancellationToken cancellationToken)
    {
        SimulatorInboundBody? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(request.Body, ApiJsonContext.Default.SimulatorInboundBody, cancellationToken);
        }
        catch (JsonException)
        {
            body = null;
        }

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body?.From) || body.From.Length > 20)
        {
            errors["from"] = ["'from' must be the sender: a phone number such as +4915112345678, or a name of at most 11 characters."];
        }

        if (string.IsNullOrEmpty(body?.Text) || body.Text.Length > 1600)
        {
            errors["text"] = ["'text' must be 1 to 1600 characters."];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: "The request is not valid.");
        }

        var indexes = simulator.InjectInbound(body!.From!, body.Text!);
        return Results.Json(new SimulatorInboundResponse(indexes.Count, indexes), ApiJsonContext.Default.SimulatorInboundResponse, statusCode: StatusCodes.Status202Accepted);
    }
}
