using System.ComponentModel.DataAnnotations;
using ArtGallery.Contracts;
using ArtGallery.Contracts.Worker;

namespace ArtGallery.Web.Training.DetailJobs;

/// <summary>The admin's "train detail model" form: for a run (its newest checkpoint) or a model of the gallery, and a budget.</summary>
public sealed class DetailTrainingRequest
{
    /// <summary>A run id ("run-..."), or null when <see cref="ModelId"/> is given.</summary>
    [StringLength(80)]
    public string? RunId { get; set; }

    /// <summary>A model id of the catalog or "active", or null when <see cref="RunId"/> is given.</summary>
    [StringLength(80)]
    public string? ModelId { get; set; }

    /// <summary>Time budget.</summary>
    [Range(0.1, 1440)]
    public double Minutes { get; set; } = 10;

    /// <summary>Training threads of the worker.</summary>
    [Range(1, 64)]
    public int Threads { get; set; } = 2;

    /// <summary>A step budget instead of minutes (scripts and tests); null: minutes.</summary>
    [Range(1, 10_000_000)]
    public int? Steps { get; set; }

    /// <summary>A copy (a form keeps editing its own instance while a queued command holds this one).</summary>
    public DetailTrainingRequest Copy() => (DetailTrainingRequest)MemberwiseClone();

    /// <summary>Ranges and exactly one target; the first problem or null.</summary>
    public string? Validate()
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(this, new ValidationContext(this), results, true)) return results[0].ErrorMessage;
        return string.IsNullOrWhiteSpace(RunId) == string.IsNullOrWhiteSpace(ModelId) ? "Give either a run or a model to train a detail model for." : null;
    }
}

/// <summary>A detail job's progress as the status API and the page see it: <see cref="Status"/> is starting, calibrating, running,
/// finished, stopped or failed.</summary>
public sealed record DetailProgressDto(string Target, JobStatus Status, int Step, double Fraction, double Loss, double BicubicLoss, double? EtaSeconds,
    double Elapsed, int SkippedSteps)
{
    /// <summary>Before the first report.</summary>
    public static DetailProgressDto Starting(string target) => new(target, JobStatus.Starting, 0, 0, double.NaN, double.NaN, null, 0, 0);

    /// <summary>A running job's report from the worker.</summary>
    public static DetailProgressDto From(string target, DetailReport p) =>
        new(target, JobStatus.Running, p.Step, p.Fraction, p.Loss, p.BicubicLoss, p.EtaSeconds, p.Elapsed, p.SkippedSteps);
}

/// <summary>A sample strip (LR | detail output | HR) of a detail job: its admin-only URL and the step it shows.</summary>
public sealed record DetailSampleDto(string Target, int Step, string Url)
{
    /// <summary>Route prefix of the strips (TrainingApi).</summary>
    public const string Route = "/api/training/detail/samples/";

    /// <summary>The DTO of a strip file.</summary>
    public static DetailSampleDto For(string target, string fileName, int step) => new(target, step, Route + Uri.EscapeDataString(fileName));
}
