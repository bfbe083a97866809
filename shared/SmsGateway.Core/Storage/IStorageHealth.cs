namespace SmsGateway.Core.Storage;

/// <summary>The store's own view of whether it can write, for health answers.</summary>
public interface IStorageHealth
{
    /// <summary>
    /// The state of the last write; while that failed, tries a small write again (at most every few seconds), so
    /// health turns back to healthy once space returns even when no message is being sent.
    /// </summary>
    Task<StorageState> CheckAsync(CancellationToken cancellationToken);
}
