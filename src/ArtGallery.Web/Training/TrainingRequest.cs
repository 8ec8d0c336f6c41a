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

    /// <summary>A recipe name from <see cref="GanRecipes.All"/> ("progan", "dcgan", ...).</summary>
    [StringLength(40)]
    public string Recipe { get; set; } = GanRecipes.All[0].Name;

    /// <summary>The form's kimg per phase: what a run needs to draw well at each size (the budget texts compare with it).</summary>
    public const double DefaultKimgPerPhase = 20;

    /// <summary>Kimg per fade-in / stabilise phase.</summary>
    [Range(0.05, 1000)]
    public double KimgPerPhase { get; set; } = DefaultKimgPerPhase;

    /// <summary>When true, the kimg per phase is chosen from this machine's measured speed so the whole schedule, up to
    /// <see cref="MaxResolution"/>, ends within <see cref="Minutes"/> (Budget.TrainingPlan.Fit). The admin form sets it.</summary>
    public bool FitToBudget { get; set; }

    /// <summary>Time budget.</summary>
    [Range(0.1, 1440)]
    public double Minutes { get; set; } = 30;

    /// <summary>A copy (the form keeps editing its own instance while a queued command holds this one).</summary>
    public TrainingRequest Copy() => (TrainingRequest)MemberwiseClone();

    /// <summary>Checks ranges; returns the first problem or null.</summary>
    public string? Validate()
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(this, new ValidationContext(this), results, true)) return results[0].ErrorMessage;
        if (!Resolutions.Contains(MaxResolution)) return $"Max resolution must be one of {string.Join(", ", Resolutions)}.";
        if (GanRecipes.Parse(Recipe) is not { } recipe) return $"Recipe must be {GanRecipes.NameList}.";
        return GanRecipes.ResolutionProblem(recipe, MaxResolution);
    }

    /// <summary>Engine options for this request; cadences scale with the phase length so short runs still show samples.</summary>
    public TrainingOptions ToOptions(string device, int threads)
    {
        double sample = Math.Clamp(KimgPerPhase / 4, 0.05, 5);
        return new TrainingOptions
        {
            Recipe = GanRecipes.Parse(Recipe) ?? throw new ArgumentException($"Recipe must be {GanRecipes.NameList}."),
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
