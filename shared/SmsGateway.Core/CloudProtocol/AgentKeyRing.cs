using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SmsGateway.Core.CloudProtocol;

/// <summary>Finds the agent an <c>X-Agent-Key</c> belongs to, comparing in constant time.</summary>
public sealed class AgentKeyRing
{
    private readonly (string AgentId, byte[] Hash)[] _agents;

    public AgentKeyRing(IOptions<AgentsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _agents = options.Value.Credentials
            .Select(c => (c.AgentId, c.KeyHash is { } hex ? Convert.FromHexString(hex) : Hash(c.Key!)))
            .ToArray();
    }

    /// <summary>The ids of the configured agents.</summary>
    public IEnumerable<string> AgentIds => _agents.Select(a => a.AgentId);

    /// <summary>The agent whose key <paramref name="presentedKey"/> is; null for a missing or unknown key.</summary>
    public string? Authenticate(string? presentedKey)
    {
        if (string.IsNullOrEmpty(presentedKey))
        {
            return null;
        }

        // Hashes have one length, and every agent is compared: the time says nothing about the key or who matched.
        var presented = Hash(presentedKey);
        string? match = null;
        foreach (var (agentId, hash) in _agents)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, hash))
            {
                match ??= agentId;
            }
        }

        return match;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
