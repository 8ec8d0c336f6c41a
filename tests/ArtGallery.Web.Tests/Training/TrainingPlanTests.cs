using ArtGallery.Gan.Training;
using ArtGallery.Web.Training;
using ArtGallery.Web.Training.Budget;

namespace ArtGallery.Web.Tests.Training;

/// <summary>What a time budget buys: the 32 px, 4-minute run reached 8 px (55.8 of 140 kimg) and nothing said so.</summary>
public sealed class TrainingPlanTests
{
    private static TrainingRequest Request(double minutes = 4, int resolution = 32, bool fit = false) =>
        new() { MaxResolution = resolution, Minutes = minutes, FitToBudget = fit };

    [Fact]
    public void Plan_FourMinutesFor32PxAtTwentyKimg_ReachesAbout8PxAndSaysWhat32PxNeeds()
    {
        var plan = TrainingPlan.For(Request(), TrainingSpeeds.Defaults);

        Assert.False(plan.Fits);
        Assert.Equal(8, plan.ReachedResolution);
        Assert.Equal(140, plan.TotalKimg);
        Assert.InRange(plan.ReachedKimg, 40, 60);
        var (warning, text) = plan.Describe(false, Request(), TrainingSpeeds.Defaults);
        Assert.True(warning);
        Assert.StartsWith("4 minutes reach about 8 px", text);
        Assert.Contains($"32 px at 20 kimg per phase needs about {plan.ScheduleMinutes:0} minutes", text);
    }

    [Fact]
    public void Fit_FourMinutesFor32Px_ChoosesAScheduleThatEndsWithinTheBudget()
    {
        var request = Request(fit: true);

        Assert.Null(TrainingPlan.Fit(request, TrainingSpeeds.Defaults));

        Assert.InRange(request.KimgPerPhase, TrainingPlan.MinKimgPerPhase, 5);
        var fitted = TrainingPlan.For(request, TrainingSpeeds.Defaults);
        Assert.True(fitted.Fits, $"the fitted schedule takes {fitted.ScheduleMinutes:F2} of {request.Minutes} minutes");
        Assert.Equal(32, fitted.ReachedResolution);
        Assert.InRange(fitted.ScheduleMinutes, 3.5, 4);
    }

    [Fact]
    public void Fit_BudgetTooShortForEvenTheShortestPhases_RefusesInWords()
    {
        var request = Request(minutes: 0.4, resolution: 128, fit: true);
        var problem = TrainingPlan.Fit(request, TrainingSpeeds.Defaults);
        Assert.NotNull(problem);
        Assert.StartsWith("0.4 minutes are too short to reach 128 px here", problem);
        Assert.Equal(TrainingRequest.DefaultKimgPerPhase, request.KimgPerPhase);
    }

    [Fact]
    public void Fit_NotAsked_LeavesTheKimgPerPhase()
    {
        var request = Request();
        Assert.Null(TrainingPlan.Fit(request, TrainingSpeeds.Defaults));
        Assert.Equal(TrainingRequest.DefaultKimgPerPhase, request.KimgPerPhase);
    }

    [Fact]
    public void Speeds_FromARunsCurve_PlaceEachPointInItsPhaseAndTakeTheMedian()
    {
        // A 16 px run with 1 kimg per phase: 0-1 kimg at 4 px, 1-3 at 8 px, 3-5 at 16 px.
        var options = new TrainingOptions { MaxResolution = 16, KimgPerPhase = 1 };
        ProgressPoint At(double kimg, double ips) => new(kimg, 0, 0, ips, 0, null);
        var speeds = TrainingSpeeds.FromRuns([(options, [At(0.1, 1), At(0.5, 500), At(1.5, 200), At(2.5, 220), At(2.9, 210), At(4, 60)])]);

        Assert.Equal(500, speeds.At(GanRecipe.ProGan, 4));
        Assert.Equal(210, speeds.At(GanRecipe.ProGan, 8));
        Assert.Equal(60, speeds.At(GanRecipe.ProGan, 16));
        Assert.True(speeds.IsMeasured(GanRecipe.ProGan, 16));
        Assert.False(speeds.IsMeasured(GanRecipe.ProGan, 32));
        Assert.Equal(TrainingSpeeds.Defaults.At(GanRecipe.ProGan, 32), speeds.At(GanRecipe.ProGan, 32));
    }

    [Fact]
    public void Phases_SeedRecipe_AllAtTheFinalSize()
    {
        Assert.Equal([4, 8, 8, 16, 16, 32, 32], TrainingPlan.Phases(GanRecipe.ProGan, 32));
        Assert.All(TrainingPlan.Phases(GanRecipe.Dcgan, 32), r => Assert.Equal(32, r));
    }
}
