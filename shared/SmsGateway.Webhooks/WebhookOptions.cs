using System.ComponentModel.DataAnnotations;

namespace SmsGateway.Webhooks;

/// <summary>Signed webhooks (section <c>Webhooks</c>): endpoints declared by file, the address rules, timeouts and retries.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>Endpoints declared in configuration (<c>Webhooks:Endpoints:N:Url|Events|Secret|Description</c>), beside those added over HTTP.</summary>
    public List<WebhookEndpointOptions> Endpoints { get; set; } = [];

    /// <summary>Allows <c>http://</c> URLs (a receiver on the LAN); by default only <c>https://</c>.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>Allows addresses in private, loopback and link-local ranges (checked when the connection is made).</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Requests in flight per endpoint; a slow endpoint holds only its own.</summary>
    [Range(1, 64)]
    public int MaxConcurrencyPerEndpoint { get; set; } = 4;

    /// <summary>How long connecting to a receiver may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one request may take, connection included; longer is a failed attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an event is retried (from when it happened, or its last replay) before it is kept as failed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long delivered events stay listable before they are removed; failed ones stay until replayed or their endpoint goes.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan KeepDelivered { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the dispatcher looks for due deliveries when nothing woke it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
