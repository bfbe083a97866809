using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SmsGateway.Core.Options;

public static class OptionsRegistration
{
    /// <summary>Binds <typeparamref name="TOptions"/> to <paramref name="sectionName"/>, validated when the host starts.</summary>
    public static IServiceCollection AddValidatedOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] TOptions>(
        this IServiceCollection services,
        string sectionName)
        where TOptions : class
    {
        services.AddOptions<TOptions>().BindConfiguration(sectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>>(new SectionValidator<TOptions>(sectionName));
        return services;
    }
}
