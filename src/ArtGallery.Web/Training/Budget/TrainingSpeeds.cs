using ArtGallery.Gan.Training;

namespace ArtGallery.Web.Training.Budget;

/// <summary>
/// Images per second a run trains at, per recipe and resolution: measured from this machine's own runs (their
/// progress.csv, each point placed in its phase by the run's schedule), or a cautious default where no run was seen.
/// </summary>
public sealed class TrainingSpeeds
{
    // progan img/s at 2 threads on a 2-core box with a visitor or two (BENCHMARKS.md: 8 px 135-240, 32 px 18-40, 64 px ~8-20 busy).
    private static readonly Dictionary<int, double> ProGanDefaults = new() { [4] = 400, [8] = 250, [16] = 120, [32] = 40, [64] = 12, [128] = 3 };

    // The other recipes train only at the final size; relative to progan there (BENCHMARKS.md, issue 12: projected ~3x slower).
    private static readonly Dictionary<GanRecipe, double> RecipeFactor = new() { [GanRecipe.ProGan] = 1, [GanRecipe.Dcgan] = 1.5, [GanRecipe.Projected] = 0.35 };

    private readonly Dictionary<(GanRecipe, int), double> measured;

    /// <summary>A table from measured (recipe, resolution, img/s) samples; the median of each cell is kept.</summary>
    public TrainingSpeeds(IEnumerable<(GanRecipe Recipe, int Resolution, double ImagesPerSecond)> samples)
    {
        measured = samples.Where(s => s.ImagesPerSecond > 0 && double.IsFinite(s.ImagesPerSecond))
            .GroupBy(s => (s.Recipe, s.Resolution))
            .ToDictionary(g => g.Key, g => Median(g.Select(s => s.ImagesPerSecond)));
    }

    /// <summary>No measurements: defaults only.</summary>
    public static readonly TrainingSpeeds Defaults = new([]);

    /// <summary>Measurements from runs: each run's options place its progress points in their phases.</summary>
    public static TrainingSpeeds FromRuns(IEnumerable<(TrainingOptions Options, IReadOnlyList<ProgressPoint> Points)> runs) =>
        new(runs.SelectMany(run =>
        {
            var schedule = new PhaseSchedule(run.Options);
            // The first report of a run averages in the start-up; later ones are the steady rate.
            return run.Points.Skip(1).Select(p => (run.Options.Recipe, schedule.At((long)(p.Kimg * 1000)).Resolution, p.ImagesPerSecond));
        }));

    /// <summary>True when this resolution's speed was measured here (not a default).</summary>
    public bool IsMeasured(GanRecipe recipe, int resolution) => measured.ContainsKey((recipe, resolution));

    /// <summary>Images per second at <paramref name="resolution"/>.</summary>
    public double At(GanRecipe recipe, int resolution)
    {
        if (measured.TryGetValue((recipe, resolution), out var ips)) return ips;
        double fallback = ProGanDefaults.TryGetValue(resolution, out var d) ? d : 400 * Math.Pow(4.0 / resolution, 1.6);
        return fallback * RecipeFactor.GetValueOrDefault(recipe, 1);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
