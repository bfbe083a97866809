namespace SmsGateway.Core.Sending.Policy;

public abstract partial class DestinationAdmission
{
    /// <summary>Every number had room; one SMS to each is held for the request.</summary>
    public abstract class Admitted : DestinationAdmission
    {
        private protected Admitted()
        {
        }

        /// <summary>The request was stored: the held share is spent (a shared count is written now).</summary>
        public abstract Task CommitAsync(CancellationToken cancellationToken);

        /// <summary>The request was not stored (replayed, or refused after all): the held share is given back.</summary>
        public abstract void Release();
    }
}
