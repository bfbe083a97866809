using System.Text.Json;
using SmsGateway.Agent.Security;
using SmsGateway.Http;
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
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status408RequestTimeout)
            .ProducesValidationProblem(StatusCodes.Status413PayloadTooLarge);
        return routes;
    }

    // A body the server cannot read (malformed chunks, stalled, over the size limit) is answered by BadRequestExceptionHandler.
    private static async Task<IResult> InjectAsync(HttpRequest request, SimulatedModem simulator, CancellationToken cancellationToken)
    {
        SimulatorInboundBody? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(request.Body, ApiJsonContext.Default.SimulatorInboundBody, cancellationToken);
        }
        catch (JsonException ex)
        {
            var field = JsonBodyError.FieldOf(ex);
            return Invalid(field is "from" or "text" ? field : "body", field is "from" or "text" ? $"'{field}' must be a string." : JsonBodyError.NotJson(ex));
        }

        if (body is null)
        {
            return Invalid("body", "The body must be a JSON object such as {\"from\": \"+4915112345678\", \"text\": \"Hello\"}.");
        }

        var errors = SimulatorInboundRules.Validate(body);
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: "The request is not valid.");
        }

        var indexes = simulator.InjectInbound(body.From!, body.Text!);
        return Results.Json(new SimulatorInboundResponse(indexes.Count, indexes), ApiJsonContext.Default.SimulatorInboundResponse, statusCode: StatusCodes.Status202Accepted);
    }

    private static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request is not valid.");
}
