using Microsoft.Extensions.DependencyInjection;

namespace SmsGateway.Http;

/// <summary>Problem+json for every error answer of a host, including requests the server could not read.</summary>
public static class HttpProblemsRegistration
{
    /// <summary>Problem details, and <see cref="BadRequestExceptionHandler"/> and <see cref="StorageFullExceptionHandler"/> for the exception handler middleware.</summary>
    public static IServiceCollection AddHttpProblems(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<StorageFullExceptionHandler>();
        return services;
    }
}
