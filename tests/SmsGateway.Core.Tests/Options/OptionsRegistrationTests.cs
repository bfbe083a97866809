using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmsGateway.Core.Options;

namespace SmsGateway.Core.Tests.Options;

public sealed class OptionsRegistrationTests
{
    [Fact]
    public void AddValidatedOptions_BadSetting_FailsNamingTheKeyAndValue()
    {
        using var provider = Build(new() { ["Sample:Count"] = "0" }, s => s.AddValidatedOptions<SampleOptions>("Sample"));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SampleOptions>>().Value);

        Assert.Equal("Sample:Count is invalid ('0'): must be 1 to 9", Assert.Single(error.Failures));
    }

    [Fact]
    public void AddValidatedOptions_BadSecret_NamesTheKeyWithoutTheValue()
    {
        using var provider = Build(new() { ["Sample:Pin"] = "12ab" }, s => s.AddValidatedOptions<SampleOptions>("Sample"));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SampleOptions>>().Value);

        Assert.Equal("Sample:Pin is invalid: must be 4 digits", Assert.Single(error.Failures));
    }

    [Fact]
    public void AddValidatedOptions_WithValidator_RunsBothAndRegisteredTwiceBindsOnce()
    {
        using var provider = Build(
            new() { ["Sample:Count"] = "0", ["Sample:Names:0"] = "a" },
            s => s.AddValidatedOptions<SampleOptions, SampleValidator>("Sample").AddValidatedOptions<SampleOptions, SampleValidator>("Sample"));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SampleOptions>>().Value);

        Assert.Equal(["Sample:Count is invalid ('0'): must be 1 to 9", "Sample:Names has 1 entries"], error.Failures);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        register(services);
        return services.BuildServiceProvider();
    }

    public sealed class SampleOptions
    {
        [Range(1, 9, ErrorMessage = "must be 1 to 9")]
        public int Count { get; set; } = 1;

        [RegularExpression("^[0-9]{4}$", ErrorMessage = "must be 4 digits")]
        [DataType(DataType.Password)]
        public string? Pin { get; set; }

        public List<string> Names { get; } = [];
    }

    private sealed class SampleValidator : IValidateOptions<SampleOptions>
    {
        public ValidateOptionsResult Validate(string? name, SampleOptions options) =>
            ValidateOptionsResult.Fail($"Sample:Names has {options.Names.Count} entries");
    }
}
