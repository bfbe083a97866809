using System.ComponentModel.DataAnnotations;

namespace SmsGateway.Webhooks;

/// <summary>One endpoint under <c>Webhooks:Endpoints:N</c>.</summary>
public sealed class WebhookEndpointOptions
{
    [Required]
    public string Url { get; set; } = "";

    /// <summary>Event types, or <c>*</c>; all when empty.</summary>
    public List<string> Events { get; set; } = [];

    /// <summary><c>whsec_</c> and a base64 key of 24 to 64 bytes.</summary>
    [Required]
    [DataType(DataType.Password)]
    public string Secret { get; set; } = "";

    public string? Description { get; set; }
}
