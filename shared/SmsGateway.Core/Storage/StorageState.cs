namespace SmsGateway.Core.Storage;

/// <summary>Whether the store's last write went through; <see cref="Error"/> says why not (never data, only the fault).</summary>
public sealed record StorageState(bool Writable, string? Error)
{
    public static StorageState Ok { get; } = new(true, null);
}
