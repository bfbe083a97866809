using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using SmsGateway.Agent.Configuration;
using SmsGateway.Storage.Embedded;

namespace SmsGateway.Agent.Security;

/// <summary>
/// The API's callers, known only by the SHA-256 hashes of their keys. They come from <c>Api:Keys</c>
/// (plain keys with every scope) and <c>Api:Clients</c> (named, with a key hash, scopes and limits);
/// when neither is configured the first start generates a key, keeps only its hash in the data folder
/// and logs the key once, so the quick start works and the API is never open.
/// </summary>
public sealed partial class ApiKeyStore
{
    public const string GeneratedClientName = "generated";

    private const string FileName = "api-key.sha256";
    private const int MaxKeyLength = 256;

    private readonly ApiClient[] _clients;

    public ApiKeyStore(
        IOptions<ApiOptions> api,
        IOptions<ApiAccessOptions> access,
        IOptions<EmbeddedStorageOptions> storage,
        ILogger<ApiKeyStore> logger)
    {
        var defaults = access.Value;
        var plain = api.Value.Keys
            .Select((key, i) => (key, i))
            .Where(k => !string.IsNullOrWhiteSpace(k.key))
            .Select(k => AllScopes($"Api:Keys:{k.i}", ApiKeyHash.Compute(k.key), defaults));
        var named = defaults.Clients.Select(c => Named(c.Key, c.Value, defaults));
        _clients = [.. plain, .. named];
        if (_clients.Length == 0)
        {
            _clients = [AllScopes(GeneratedClientName, LoadOrGenerate(storage.Value, logger), defaults)];
        }
    }

    /// <summary>The caller whose key is <paramref name="presented"/>, or null. Compares against every hash in constant time.</summary>
    public ApiClient? Find(string? presented)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > MaxKeyLength)
        {
            return null;
        }

        var hash = ApiKeyHash.Compute(presented);
        ApiClient? found = null;
        foreach (var client in _clients)
        {
            // No early exit: the time taken must not tell which key (or how much of one) matched.
            if (CryptographicOperations.FixedTimeEquals(hash, client.KeyHash))
            {
                found ??= client;
            }
        }

        return found;
    }

    private static ApiClient AllScopes(string name, byte[] hash, ApiAccessOptions defaults) =>
        new(name, hash, ApiScopes.All.ToHashSet(StringComparer.Ordinal), defaults.RateLimit.PermitsPerSecond, defaults.RateLimit.BurstOrDefault, defaults.DailyCap);

    // The options were validated at start: exactly one of KeyHash and Key, known scopes.
    private static ApiClient Named(string name, ApiClientOptions client, ApiAccessOptions defaults)
    {
        var hash = ApiKeyHash.TryParse(client.KeyHash, out var parsed) ? parsed : ApiKeyHash.Compute(client.Key!);
        var rate = client.RateLimit ?? defaults.RateLimit.PermitsPerSecond;
        var burst = client.RateLimit is { } own ? 2 * own : defaults.RateLimit.BurstOrDefault;
        var scopes = client.Scopes.Select(s => s.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        return new ApiClient(name, hash, scopes, rate, burst, client.DailyCap ?? defaults.DailyCap);
    }

    private static byte[] LoadOrGenerate(EmbeddedStorageOptions storage, ILogger logger)
    {
        var file = Path.Combine(Path.GetFullPath(storage.Path), FileName);
        if (File.Exists(file))
        {
            LogUsingStoredKey(logger, file);
            return Convert.FromHexString(File.ReadAllText(file).Trim());
        }

        var key = ApiKeyCommands.NewKey();
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, Convert.ToHexString(ApiKeyHash.Compute(key)));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        LogGeneratedKey(logger, key, file);
        return ApiKeyHash.Compute(key);
    }

    // Logged once, on the start that creates it: the only moment the key exists in clear text.
    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "No Api:Keys or Api:Clients configured; generated an API key with every scope (shown only now, only its hash is kept in {File}): {ApiKey}")]
    private static partial void LogGeneratedKey(ILogger logger, string apiKey, string file);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "No Api:Keys or Api:Clients configured; accepting the generated key whose hash is in {File}")]
    private static partial void LogUsingStoredKey(ILogger logger, string file);
}
