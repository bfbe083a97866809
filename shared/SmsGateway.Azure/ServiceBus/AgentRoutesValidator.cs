using Microsoft.Extensions.Options;

namespace SmsGateway.Azure.ServiceBus;

/// <summary>Stops start-up on a bad <c>ServiceBus:Routes</c> entry, naming it.</summary>
internal sealed class AgentRoutesValidator : IValidateOptions<ServiceBusQueueOptions>
{
    public ValidateOptionsResult Validate(string? name, ServiceBusQueueOptions options)
    {
        var problems = AgentRouter.Validate(options.Routes).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
