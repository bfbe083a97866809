namespace SmsGateway.Core.Sending.Policy;

/// <summary>No per-number limit is configured: nothing is held, nothing to commit or give back.</summary>
internal sealed class UnlimitedAdmission : DestinationAdmission.Admitted
{
    public static UnlimitedAdmission Instance { get; } = new();

    public override Task CommitAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override void Release()
    {
    }
}
