using System.ComponentModel.DataAnnotations;
using ArtGallery.Gan.Training;

namespace ArtGallery.Web.Training;

/// <summary>The admin form: dataset, resolution, recipe and budget, validated before anything starts.</summary>
public sealed class TrainingRequest
{
    /// <summary>Resolutions offered in the form.</summary>
    public static readonly int[] Resolutions = [8, 16, 32, 64, 128];

    /// <summary>"builtin:abstract" or an uploaded dataset id.</summary>
    [Required, StringLength(100)]
    public string Dataset { get; set; } = "builtin:abstract";

    /// <summary>Final resolution.</summary>
    [Range(8, 128)]
    public int MaxResolution { get; set; } = 32;

    /// <summary>"progan", "seed" or "projected".</summary>
    [RegularExpression("^(progan|seed|projected)$", ErrorMessage = "Recipe must be progan, seed or projected.")]
    public string Recipe { get; set; } = "progan";

    /// <summary>Kimg per fade-in / stabilise phase.</summary>
    [Range(0.05, 1000)]
    public double KimgPerPhase { get; set; } = 20;

    /// <summary>Time budget.</summary>
    [Range(0.1, 1440)]
    public double Minutes { get; set; } = 30;

    /// <summary>Checks ranges; returns the first problem or null.</summary>
    public string? Validate()
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(this, new ValidationContext(this), results, true)) return results[0].ErrorMessage;
        if (!Resolutions.Contains(MaxResolution)) return $"Max resolution must be one of {string.Join(", ", Resolutions)}.";
        if (Recipe == "seed" && MaxResolution < 16) return "The seed recipe needs a resolution of 16 or more.";
        if (Recipe == "projected" && MaxResolution < 32) return "The projected recipe needs a resolution of 32 or more.";
        return null;
    }

    /// <summary>Engine options for this request; cadences scale with the phase length so short runs still show samples.</summary>
    public TrainingOptions ToOptions(string device, int threads)
    {
        double sample = Math.Clamp(KimgPerPhase / 4, 0.05, 5);
        return new TrainingOptions
        {
            Recipe = Recipe switch { "seed" => GanRecipe.Seed, "projected" => GanRecipe.Projected, _ => GanRecipe.ProGan },
            MaxResolution = MaxResolution,
            KimgPerPhase = KimgPerPhase,
            Minutes = Minutes,
            SampleKimg = sample,
            CheckpointKimg = Math.Clamp(KimgPerPhase, 0.1, 20),
            DiversityKimg = Math.Clamp(KimgPerPhase / 2, 0.1, 10),
            Device = device,
            Threads = threads,
            Seed = Environment.TickCount64 & 0xFFFF,
        };
    }
}
