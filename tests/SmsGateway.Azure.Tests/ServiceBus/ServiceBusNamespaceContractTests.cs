using System.Reflection;
using SmsGateway.Azure.Tests.Support;
using SmsGateway.Contracts;

namespace SmsGateway.Azure.Tests.ServiceBus;

/// <summary>
/// The queue contract against a real Service Bus namespace, when <c>SMSGW_TEST_SERVICEBUS</c> holds a
/// connection string with Manage rights (each test creates and deletes its own topic). Every
/// <see cref="FactAttribute"/> of <see cref="QueueContractTests"/> is one case, so the suite growing
/// needs no change here.
/// </summary>
public sealed class ServiceBusNamespaceContractTests
{
    public static TheoryData<string> ContractTests()
    {
        var names = typeof(QueueContractTests).GetMethods()
            .Where(m => m.GetCustomAttribute<FactAttribute>() is not null)
            .Select(m => m.Name)
            .Order(StringComparer.Ordinal);
        return new TheoryData<string>(names);
    }

    [ServiceBusTheory]
    [MemberData(nameof(ContractTests))]
    public async Task Contract(string test)
    {
        var suite = new NamespaceQueueContract(ServiceBusTheoryAttribute.ConnectionString!);
        await suite.InitializeAsync();
        try
        {
            await (Task)typeof(QueueContractTests).GetMethod(test)!.Invoke(suite, null)!;
        }
        finally
        {
            await suite.DisposeAsync();
        }
    }
}
