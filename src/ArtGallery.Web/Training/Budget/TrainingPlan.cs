using System.Globalization;
using ArtGallery.Gan.Training;

namespace ArtGallery.Web.Training.Budget;

/// <summary>
/// What a time budget buys on this machine: how long the chosen schedule takes at measured speeds, where the budget
/// runs out, and the kimg per phase that fits the whole schedule (up to the chosen resolution) into the budget.
/// </summary>
public sealed record TrainingPlan(
    int TargetResolution, double Minutes, double KimgPerPhase, double ScheduleMinutes, int ReachedResolution, double ReachedKimg, double TotalKimg,
    double FittedKimgPerPhase, bool CanFit)
{
    /// <summary>Start-up (worker, dataset, first step) and the checkpoints, grids and probes: time the schedule does not get.</summary>
    public const double OverheadSeconds = 25, OverheadShare = 0.12;

    /// <summary>Below this many kimg per phase a run reaches its size but has seen too few pictures to draw well.</summary>
    public const double RoughBelowKimg = 2;

    /// <summary>The shortest phase the form accepts (TrainingRequest's range).</summary>
    public const double MinKimgPerPhase = 0.05;

    /// <summary>True when the chosen schedule ends within the budget.</summary>
    public bool Fits => ScheduleMinutes <= Minutes;

    /// <summary>Plans <paramref name="request"/> at <paramref name="speeds"/>.</summary>
    public static TrainingPlan For(TrainingRequest request, TrainingSpeeds speeds)
    {
        var recipe = GanRecipes.Parse(request.Recipe) ?? GanRecipe.ProGan;
        var phases = Phases(recipe, request.MaxResolution);
        double usable = UsableSeconds(request.Minutes);
        double secondsPerKimg = phases.Sum(p => 1000 / speeds.At(recipe, p)); // every phase lasts KimgPerPhase
        double schedule = request.KimgPerPhase * secondsPerKimg;
        // Where the budget runs out: walk the phases until the seconds are spent.
        double left = usable, kimg = 0;
        int reached = phases[0];
        foreach (var resolution in phases)
        {
            double phaseSeconds = request.KimgPerPhase * 1000 / speeds.At(recipe, resolution);
            reached = resolution;
            if (phaseSeconds >= left) { kimg += request.KimgPerPhase * left / phaseSeconds; left = 0; break; }
            (left, kimg) = (left - phaseSeconds, kimg + request.KimgPerPhase);
        }
        double fitted = Math.Round(usable / secondsPerKimg, 2, MidpointRounding.ToZero);
        return new TrainingPlan(request.MaxResolution, request.Minutes, request.KimgPerPhase, (schedule / 60 + OverheadMinutes(schedule)),
            reached, kimg, request.KimgPerPhase * phases.Count, Math.Min(fitted, 1000), fitted >= MinKimgPerPhase);
    }

    /// <summary>Minutes the whole schedule needs with <paramref name="kimgPerPhase"/> (overhead included).</summary>
    public static double MinutesFor(TrainingRequest request, double kimgPerPhase, TrainingSpeeds speeds)
    {
        var recipe = GanRecipes.Parse(request.Recipe) ?? GanRecipe.ProGan;
        double seconds = Phases(recipe, request.MaxResolution).Sum(p => kimgPerPhase * 1000 / speeds.At(recipe, p));
        return seconds / 60 + OverheadMinutes(seconds);
    }

    /// <summary>What the form says about the budget, in words; the severity says whether it is a warning.</summary>
    public (bool Warning, string Text) Describe(bool fitToBudget, TrainingRequest request, TrainingSpeeds speeds)
    {
        string minutes = Number(Minutes), target = $"{TargetResolution} px";
        if (fitToBudget)
        {
            if (!CanFit)
                return (true, $"{minutes} minutes are too short to reach {target} here: even the shortest schedule needs about " +
                    $"{Number(MinutesFor(request, MinKimgPerPhase, speeds))} minutes. Give it more minutes or choose a smaller size.");
            string fit = $"{minutes} minutes reach {target} with {Number(FittedKimgPerPhase)} kimg per phase ({Number(FittedKimgPerPhase * Phases(request).Count)} kimg in all).";
            return FittedKimgPerPhase < RoughBelowKimg
                ? (true, fit + $" That is very little for each size: expect rough pictures. {target} at {Number(TrainingRequest.DefaultKimgPerPhase)} kimg per phase " +
                    $"needs about {Number(MinutesFor(request, TrainingRequest.DefaultKimgPerPhase, speeds))} minutes.")
                : (false, fit);
        }
        if (Fits) return (false, $"The schedule ({Number(TotalKimg)} kimg) takes about {Number(ScheduleMinutes)} of the {minutes} minutes.");
        return (true, $"{minutes} minutes reach about {ReachedResolution} px ({Number(ReachedKimg)} of {Number(TotalKimg)} kimg); {target} at " +
            $"{Number(KimgPerPhase)} kimg per phase needs about {Number(ScheduleMinutes)} minutes. Fit the schedule to the budget, or give it more minutes.");
    }

    /// <summary>With <see cref="TrainingRequest.FitToBudget"/>, sets the request's kimg per phase to what fits its minutes;
    /// returns why it cannot (the budget is too short even for the shortest phases), else null.</summary>
    public static string? Fit(TrainingRequest request, TrainingSpeeds speeds)
    {
        if (!request.FitToBudget) return null;
        var plan = For(request, speeds);
        if (!plan.CanFit) return plan.Describe(true, request, speeds).Text;
        request.KimgPerPhase = plan.FittedKimgPerPhase;
        return null;
    }

    /// <summary>The schedule's phases by resolution: progan grows 4 px, then fade-in and stabilise per doubling; the others train at the final size.</summary>
    public static IReadOnlyList<int> Phases(GanRecipe recipe, int maxResolution)
    {
        var schedule = new PhaseSchedule(new TrainingOptions { Recipe = recipe, MaxResolution = maxResolution, KimgPerPhase = 1 });
        int count = 2 * ((int)Math.Log2(maxResolution) - 1) - 1; // every phase lasts the same: seed/projected spend it all at full size
        return [.. Enumerable.Range(0, count).Select(i => schedule.At(i * 1000L).Resolution)];
    }

    private static IReadOnlyList<int> Phases(TrainingRequest request) => Phases(GanRecipes.Parse(request.Recipe) ?? GanRecipe.ProGan, request.MaxResolution);

    private static double UsableSeconds(double minutes) => Math.Max(0, minutes * 60 * (1 - OverheadShare) - OverheadSeconds);

    // The inverse of UsableSeconds, in minutes, for "needs about N minutes".
    private static double OverheadMinutes(double scheduleSeconds) => (scheduleSeconds / (1 - OverheadShare) - scheduleSeconds + OverheadSeconds) / 60;

    private static string Number(double v) => v.ToString(v >= 10 ? "0" : "0.#", CultureInfo.InvariantCulture);
}
