using System.ComponentModel.DataAnnotations;

namespace ArtGallery.Web.Infrastructure;

/// <summary>Settings under "ArtGallery" (environment: ArtGallery__DataDirectory etc.), validated at start.</summary>
public sealed class ArtGalleryOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "ArtGallery";

    /// <summary>Folder holding artgallery.db, runs/, datasets/ and models/.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Password of the first admin ("admin"); when absent on first start a random one is logged once.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>Model registered as active on first start; default: models/default.agmodel next to the app.</summary>
    public string? DefaultModelPath { get; set; }

    /// <summary>Torch device: auto, cpu or cuda.</summary>
    [RegularExpression(ArtGallery.Gan.DeviceSelector.Pattern, ErrorMessage = "ArtGallery:Device must be auto, cpu or cuda.")]
    public string Device { get; set; } = "auto";

    /// <summary>CPU threads a training run may use (libtorch intra-op); fewer leave cores for renders and visitors.</summary>
    [Range(1, 256)]
    public int TrainingThreads { get; set; } = 2;

    /// <summary>The training worker (artgallery.dll or an artgallery executable); default: the copy next to the app.</summary>
    public string? WorkerPath { get; set; }

    /// <summary>Extra environment variables of the training worker (tests set the fault switch ARTGALLERY_FAULT_PAUSE_AT here).</summary>
    public Dictionary<string, string> WorkerEnvironment { get; set; } = [];

    /// <summary>Seconds a pausing or stopping worker gets to write its checkpoint and exit before it is killed.</summary>
    [Range(1, 600)]
    public int WorkerStopSeconds { get; set; } = 20;

    /// <summary>Render worker threads, each with its own generator copy.</summary>
    [Range(1, 4)]
    public int RenderWorkers { get; set; } = 1;

    /// <summary>Render jobs that may wait before callers are held back.</summary>
    [Range(1, 10_000)]
    public int RenderQueueCapacity { get; set; } = 64;

    /// <summary>Prints rendered at once (each needs hundreds of MB); the rest wait in line.</summary>
    [Range(1, 4)]
    public int PrintConcurrency { get; set; } = 1;

    /// <summary>Print requests allowed to wait; more get 429.</summary>
    [Range(1, 1000)]
    public int PrintQueueCapacity { get; set; } = 8;

    /// <summary>Large views (<c>?view=large</c>, through the detail model) rendered at once.</summary>
    [Range(1, 4)]
    public int LargeViewConcurrency { get; set; } = 1;

    /// <summary>Large views allowed to wait; more get 429.</summary>
    [Range(1, 1000)]
    public int LargeViewQueueCapacity { get; set; } = 8;

    /// <summary>Largest print in pixels.</summary>
    [Range(1_000_000, 200_000_000)]
    public long MaxPrintPixels { get; set; } = 100_000_000;

    /// <summary>PNG cache size.</summary>
    [Range(1, 4096)]
    public int RenderCacheMegabytes { get; set; } = 64;

    /// <summary>Sign-in attempts per client address per minute.</summary>
    [Range(1, 10_000)]
    public int LoginAttemptsPerMinute { get; set; } = 20;

    /// <summary>Newest back-ups kept: older archives are deleted after each new one (0 keeps all).</summary>
    [Range(0, 10_000)]
    public int BackupRetention { get; set; } = 10;

    /// <summary>Disk space (MB) that must stay free after a back-up; a back-up that could eat into it is refused (507).</summary>
    [Range(0, 100_000_000)]
    public long BackupMinFreeMegabytes { get; set; } = 512;

    /// <summary>Reverse proxies whose X-Forwarded-For/-Proto/-Host are believed: off (default), loopback, any, or addresses
    /// and networks ("10.0.0.5, 172.16.0.0/12"); see <see cref="ForwardedProxies"/>.</summary>
    [ProxyList]
    public string? ForwardedHeaders { get; set; }

    /// <summary>Seconds between checks of open Blazor circuits and hub connections against their user's security stamp:
    /// a sign-out everywhere or a password change ends them within this time.</summary>
    [Range(1, 60)]
    public int SessionCheckSeconds { get; set; } = 30;

    /// <summary>Samples used to find latent directions (PCA and attribute regression).</summary>
    [Range(16, 4096)]
    public int DirectionSamples { get; set; } = 256;
}
