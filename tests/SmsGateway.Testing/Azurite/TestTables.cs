namespace SmsGateway.Testing.Azurite;

public static class TestTables
{
    /// <summary>A table prefix no other test uses.</summary>
    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..12];
}
