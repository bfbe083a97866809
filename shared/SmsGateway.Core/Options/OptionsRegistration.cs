using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SmsGateway.Core.Options;

/// <summary>
/// The one way a section becomes options: bound, checked by its DataAnnotations (<see cref="SectionValidator{TOptions}"/>)
/// and by any rules they cannot express (an <see cref="IValidateOptions{TOptions}"/>), and validated when the host starts,
/// so that a bad setting stops start-up with one line naming it.
/// </summary>
public static class OptionsRegistration
{
    /// <summary>Binds <typeparamref name="TOptions"/> to <paramref name="sectionName"/>, validated when the host starts. Idempotent.</summary>
    public static IServiceCollection AddValidatedOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] TOptions>(
        this IServiceCollection services,
        string sectionName)
        where TOptions : class
    {
        // Two blocks may need the same section; binding it twice would add every list entry twice.
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<TOptions>) && d.ImplementationInstance is SectionValidator<TOptions>))
        {
            return services;
        }

        services.AddOptions<TOptions>().BindConfiguration(sectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>>(new SectionValidator<TOptions>(sectionName));
        return services;
    }

    /// <summary>
    /// As <see cref="AddValidatedOptions{TOptions}(IServiceCollection, string)"/>, with <typeparamref name="TValidator"/> for the
    /// rules DataAnnotations cannot express (one of two settings, a list's entries, a setting that depends on another section).
    /// </summary>
    public static IServiceCollection AddValidatedOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] TOptions, TValidator>(
        this IServiceCollection services,
        string sectionName)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddValidatedOptions<TOptions>(sectionName);
        services.AddOptionsValidator<TOptions, TValidator>();
        return services;
    }

    /// <summary>
    /// Adds a rule to options registered elsewhere (with <see cref="AddValidatedOptions{TOptions}(IServiceCollection, string)"/>),
    /// for a rule only one shape has: the cloud agent's lock duration against the Service Bus one. Validated at start as well.
    /// </summary>
    public static IServiceCollection AddOptionsValidator<TOptions, TValidator>(this IServiceCollection services)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        return services;
    }
}
