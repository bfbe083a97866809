using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SmsGateway.Core.Sending.Intake;
using SmsGateway.Core.Sending.Records;
using SmsGateway.Http;

namespace SmsGateway.Functions.Messages;

/// <summary>
/// <c>POST api/messages</c> and <c>GET api/messages/{id}</c>: the standalone host's contract, from the same
/// handlers. Function keys (<c>x-functions-key</c>) stand in for the standalone API keys.
/// </summary>
public sealed class MessageFunctions(MessageIntake intake, IMessageStore store)
{
    [Function("SendMessage")]
    public Task<IResult> SendAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "messages")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        // The worker's server admits larger bodies for agent event batches; a message gets the standalone limit.
        HttpLimits.LimitBody(request, HttpLimits.MaxMessageBodyBytes);
        return MessageHandlers.SendAsync(request, intake, cancellationToken);
    }

    [Function("GetMessage")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "messages/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        MessageHandlers.GetAsync(id, store, cancellationToken);
}
