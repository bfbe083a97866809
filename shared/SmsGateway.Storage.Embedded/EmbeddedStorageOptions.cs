using System.ComponentModel.DataAnnotations;

namespace SmsGateway.Storage.Embedded;

/// <summary>Where and how the embedded SQLite database is kept (section <c>Storage</c>).</summary>
public sealed class EmbeddedStorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Folder of the database file; created when missing.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "./data";

    /// <summary>The most queue items waiting or locked; intake answers 503 beyond it.</summary>
    [Range(1, 10_000_000)]
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>
    /// SQLite's <c>synchronous</c> setting: <c>Full</c> survives power loss, <c>Normal</c> survives a
    /// process crash (kill -9) but may lose the last commits on power loss.
    /// </summary>
    [RegularExpression("^(?i)(full|normal)$", ErrorMessage = "must be Full or Normal")]
    public string Synchronous { get; set; } = "Full";

    public string DatabaseFile => System.IO.Path.Combine(System.IO.Path.GetFullPath(Path), "gateway.db");
}
