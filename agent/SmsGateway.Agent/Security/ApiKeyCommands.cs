using System.Security.Cryptography;
using System.Text.Json;

namespace SmsGateway.Agent.Security;

/// <summary>
/// <c>apikey new</c> prints a fresh key and its hash; <c>apikey hash &lt;key&gt;</c> prints the hash of a
/// key. The hash goes into <c>Api:Clients:&lt;name&gt;:KeyHash</c>, the key to the caller only.
/// </summary>
public static class ApiKeyCommands
{
    public const string Usage = """
        usage: SmsGateway.Agent apikey new
               SmsGateway.Agent apikey hash <key>
        """;

    public static bool Handles(string verb) => verb == "apikey";

    /// <summary>A new key: 192 random bits, URL-safe, with a prefix that secret scanners can match.</summary>
    public static string NewKey() => "sgw_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var key = args.Skip(1).FirstOrDefault() switch
        {
            "new" when args.Length == 2 => NewKey(),
            "hash" when args.Length == 3 && args[2].Length > 0 => args[2],
            _ => null,
        };
        if (key is null)
        {
            error.WriteLine(Usage);
            return 64;
        }

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            if (args[1] == "new")
            {
                json.WriteString("key", key);
            }

            json.WriteString("keyHash", ApiKeyHash.Format(ApiKeyHash.Compute(key)));
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        return 0;
    }
}
