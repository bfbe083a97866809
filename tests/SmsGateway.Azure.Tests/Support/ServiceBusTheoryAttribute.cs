namespace SmsGateway.Azure.Tests.Support;

/// <summary>
/// A theory that needs a real Service Bus namespace: skipped, with the reason, unless
/// <c>SMSGW_TEST_SERVICEBUS</c> holds a connection string (xunit 2 has no skipping at run time).
/// </summary>
public sealed class ServiceBusTheoryAttribute : TheoryAttribute
{
    public const string Variable = "SMSGW_TEST_SERVICEBUS";

    public ServiceBusTheoryAttribute()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            Skip = $"set {Variable} to a Service Bus connection string to run";
        }
    }

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable);
}
