namespace SmsGateway.Agent.Cloud;

/// <summary>Whether the configuration asks for the cloud shape (<c>Gateway:Mode=cloud</c>).</summary>
public static class CloudMode
{
    public const string Name = "cloud";

    public static bool IsSelected(IConfiguration configuration) =>
        string.Equals(configuration["Gateway:Mode"]?.Trim(), Name, StringComparison.OrdinalIgnoreCase);
}
