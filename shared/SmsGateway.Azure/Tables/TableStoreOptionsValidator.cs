using Microsoft.Extensions.Options;

namespace SmsGateway.Azure.Tables;

/// <summary>Stops start-up unless section <c>Tables</c> names exactly one connection.</summary>
internal sealed class TableStoreOptionsValidator : IValidateOptions<TableStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, TableStoreOptions options) =>
        options.HasExactlyOneConnection
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Tables:ConnectionString or Tables:Endpoint must be set (exactly one of them)");
}
