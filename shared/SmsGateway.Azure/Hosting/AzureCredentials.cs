using System.Collections.Concurrent;
using Azure.Core;
using Azure.Identity;

namespace SmsGateway.Azure.Hosting;

/// <summary>
/// The process's Azure credentials: one <see cref="DefaultAzureCredential"/> per managed identity, shared by every
/// client that signs in as it (Table storage, Service Bus, its administration client). One instance caches its tokens
/// once, instead of each client fetching its own from the identity endpoint.
/// </summary>
public sealed class AzureCredentials
{
    private readonly ConcurrentDictionary<string, TokenCredential> _byIdentity = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The credential for <paramref name="managedIdentityClientId"/> (a user-assigned identity), or the default identity when empty.</summary>
    public TokenCredential For(string? managedIdentityClientId) =>
        _byIdentity.GetOrAdd(managedIdentityClientId?.Trim() ?? string.Empty, id => new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            // A managed identity in Azure, a developer's login elsewhere; never a secret in configuration.
            ManagedIdentityClientId = id.Length == 0 ? null : id,
        }));
}
