using Microsoft.Extensions.Options;

namespace SmsGateway.Azure.ServiceBus;

/// <summary>Stops start-up on what DataAnnotations cannot check in section <c>ServiceBus</c>: one connection, and each route.</summary>
internal sealed class ServiceBusQueueOptionsValidator : IValidateOptions<ServiceBusQueueOptions>
{
    public ValidateOptionsResult Validate(string? name, ServiceBusQueueOptions options)
    {
        var problems = AgentRouter.Validate(options.Routes).ToList();
        if (!options.HasExactlyOneConnection)
        {
            problems.Insert(0, "ServiceBus:ConnectionString or ServiceBus:FullyQualifiedNamespace must be set (exactly one of them)");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
