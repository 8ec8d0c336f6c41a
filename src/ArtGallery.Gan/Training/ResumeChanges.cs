namespace ArtGallery.Gan.Training;

/// <summary>
/// What a resumed run may change; null keeps the stored value. A new time budget, a longer last phase (the way to train a
/// finished run on), another share of the CPU (the same thread count keeps a resumed run bit-exact; another one changes the
/// last bits of each sum), and the conditioned recipe's neighbours and mode-seeking weight (to treat a run that starts
/// drawing copies without starting over).
/// </summary>
public sealed record ResumeChanges(double? Minutes = null, double? FinalKimg = null, int? Threads = null, int? Neighbours = null, double? ModeSeeking = null)
{
    /// <summary>True when nothing changes (the resume is bit-exact).</summary>
    public bool None => this == new ResumeChanges();

    /// <summary>The stored options with these changes.</summary>
    public TrainingOptions Apply(TrainingOptions stored)
    {
        if ((Neighbours is not null || ModeSeeking is not null) && stored.Recipe != GanRecipe.Conditioned)
            throw new ArgumentException($"Neighbours and mode seeking belong to the conditioned recipe; this run is {stored.Recipe.ToString().ToLowerInvariant()}.");
        return stored with
        {
            Minutes = Minutes ?? stored.Minutes,
            FinalKimg = FinalKimg ?? stored.FinalKimg,
            Threads = Threads ?? stored.Threads,
            Conditioned = stored.Conditioned with
            {
                Neighbours = Neighbours ?? stored.Conditioned.Neighbours,
                ModeSeekingWeight = ModeSeeking ?? stored.Conditioned.ModeSeekingWeight,
            },
        };
    }
}
