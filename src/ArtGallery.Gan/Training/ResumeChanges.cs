namespace ArtGallery.Gan.Training;

/// <summary>
/// What a resumed run may change; null keeps the stored value. A new time budget, a longer last phase (the way to train a
/// finished run on), another share of the CPU (the same thread count keeps a resumed run bit-exact; another one changes the
/// last bits of each sum), and the conditioned recipe's neighbours, mode-seeking weight, consistency weight, loss and R1 gamma (to treat a run
/// that starts drawing copies, or whose D overfits, without starting over).
/// </summary>
public sealed record ResumeChanges(
    double? Minutes = null, double? FinalKimg = null, int? Threads = null,
    int? Neighbours = null, double? ModeSeeking = null, Recipes.Conditioned.ConditionedLoss? Loss = null, double? Gamma = null,
    double? Consistency = null)
{
    /// <summary>True when nothing changes (the resume is bit-exact).</summary>
    public bool None => this == new ResumeChanges();

    /// <summary>The stored options with these changes.</summary>
    public TrainingOptions Apply(TrainingOptions stored)
    {
        bool conditionedOnly = Neighbours is not null || ModeSeeking is not null || Loss is not null || Gamma is not null || Consistency is not null;
        if (conditionedOnly && stored.Recipe != GanRecipe.Conditioned)
            throw new ArgumentException($"Neighbours, mode seeking, consistency, loss and gamma belong to the conditioned recipe; this run is {stored.Recipe.ToString().ToLowerInvariant()}.");
        return stored with
        {
            Minutes = Minutes ?? stored.Minutes,
            FinalKimg = FinalKimg ?? stored.FinalKimg,
            Threads = Threads ?? stored.Threads,
            Conditioned = stored.Conditioned with
            {
                Neighbours = Neighbours ?? stored.Conditioned.Neighbours,
                ModeSeekingWeight = ModeSeeking ?? stored.Conditioned.ModeSeekingWeight,
                Loss = Loss ?? stored.Conditioned.Loss,
                Gamma = Gamma ?? stored.Conditioned.Gamma,
                ConsistencyWeight = Consistency ?? stored.Conditioned.ConsistencyWeight,
            },
        };
    }
}
