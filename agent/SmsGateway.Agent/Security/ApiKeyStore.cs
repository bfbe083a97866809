using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SmsGateway.Agent.Configuration;
using SmsGateway.Storage.Embedded;

namespace SmsGateway.Agent.Security;

/// <summary>
/// The API keys the gateway accepts. Keys come from <c>Api:Keys</c>; when none is configured the
/// first start generates one, keeps only its SHA-256 hash in the data folder and logs the key once,
/// so the quick start works and the API is never open.
/// </summary>
public sealed partial class ApiKeyStore
{
    private const string FileName = "api-key.sha256";
    private readonly byte[][] _hashes;

    public ApiKeyStore(IOptions<ApiOptions> api, IOptions<EmbeddedStorageOptions> storage, ILogger<ApiKeyStore> logger)
    {
        var configured = api.Value.Keys.Where(k => !string.IsNullOrWhiteSpace(k)).ToList();
        if (configured.Count > 0)
        {
            _hashes = configured.Select(Hash).ToArray();
            return;
        }

        var file = Path.Combine(Path.GetFullPath(storage.Value.Path), FileName);
        if (File.Exists(file))
        {
            _hashes = [Convert.FromHexString(File.ReadAllText(file).Trim())];
            LogUsingStoredKey(logger, file);
            return;
        }

        var key = "sgw_" + Base64UrlEncode(RandomNumberGenerator.GetBytes(24));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, Convert.ToHexString(Hash(key)));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        _hashes = [Hash(key)];
        LogGeneratedKey(logger, key, file);
    }

    /// <summary>Constant-time check of a presented key against every accepted key.</summary>
    public bool IsValid(string? presented)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > 256)
        {
            return false;
        }

        var hash = Hash(presented);
        var match = false;
        foreach (var candidate in _hashes)
        {
            match |= CryptographicOperations.FixedTimeEquals(hash, candidate);
        }

        return match;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    // Logged once, on the start that creates it: the only moment the key exists in clear text.
    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "No Api:Keys configured; generated an API key (shown only now, only its hash is kept in {File}): {ApiKey}")]
    private static partial void LogGeneratedKey(ILogger logger, string apiKey, string file);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "No Api:Keys configured; accepting the generated key whose hash is in {File}")]
    private static partial void LogUsingStoredKey(ILogger logger, string file);
}
