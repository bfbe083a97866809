using System.ComponentModel.DataAnnotations;

namespace SmsGateway.Azure.Tables;

/// <summary>Where the Table storage account is and how tables are named (section <c>Tables</c>).</summary>
public sealed class TableStoreOptions
{
    public const string SectionName = "Tables";

    /// <summary>A storage connection string (Azurite, or shared-key access). Exactly one of this and <see cref="Endpoint"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The table service endpoint (<c>https://account.table.core.windows.net</c>), reached with a managed identity.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty for the system-assigned one or a developer login.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Put before every table name, so several gateways (or test runs) can share one account.</summary>
    [RegularExpression("^([A-Za-z][A-Za-z0-9]{0,39})?$", ErrorMessage = "must be letters and digits, starting with a letter, at most 40 characters")]
    public string TablePrefix { get; set; } = string.Empty;

    internal bool HasExactlyOneConnection => string.IsNullOrWhiteSpace(ConnectionString) == Endpoint is not null;
}
