namespace SmsGateway.Agent.Cloud;

/// <summary>
/// How the agent talks to the cloud in <c>Gateway:Mode=cloud</c> (section <c>Cloud</c>). Validated at
/// start by <see cref="CloudOptionsValidator"/>, whose messages name the key and never echo a secret.
/// </summary>
public sealed class CloudOptions
{
    public const string SectionName = "Cloud";

    /// <summary>The Functions app, e.g. <c>https://func-abc.azurewebsites.net</c>; events go to <c>{BaseUrl}/api/agent/events</c>.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>This agent's id as the cloud knows it (its subscription is <c>sms-&lt;AgentId&gt;</c>).</summary>
    public string? AgentId { get; set; }

    /// <summary>Sent as <c>X-Agent-Key</c>; the cloud keeps it in Key Vault.</summary>
    public string? AgentKey { get; set; }

    /// <summary>Sent as <c>x-functions-key</c> when the events function is not anonymous.</summary>
    public string? FunctionKey { get; set; }

    /// <summary>How often a heartbeat (modem status, queue depth) is queued for the cloud.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a destination's <c>sending</c> waits in the outbox before it is posted: a later status of the same
    /// destination queued in that time (usually <c>sent</c>, one air time later) replaces it, saving the cloud one
    /// event (a function execution and a Table update when it went alone). Zero posts every status at once.
    /// </summary>
    public TimeSpan EventLinger { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>The most events in one POST.</summary>
    public int MaxBatchSize { get; set; } = 50;

    /// <summary>The longest one POST may take before it counts as failed (and is retried).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First delay after the cloud could not be reached; doubles per failure, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between two tries while the cloud is unreachable.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long delivered events are kept in the local outbox for inspection.</summary>
    public TimeSpan DeliveredRetention { get; set; } = TimeSpan.FromDays(7);
}
