using SmsGateway.Testing.Azurite;

namespace SmsGateway.Azure.Tests.Support;

/// <summary>Tests that share one Azurite process. Declared here because xUnit finds collection definitions only in the test assembly.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
