namespace ArtGallery.Gan.Training;

/// <summary>
/// What a resumed run may change; null keeps the stored value. A new time budget, a longer last phase (the way to train a
/// finished run on), another share of the CPU (the same thread count keeps a resumed run bit-exact; another one changes the
/// last bits of each sum), and the conditioned recipe's neighbours (how many, and in which space), mode-seeking, consistency and edge weights, loss and R1 gamma (to treat a run
/// that starts drawing copies, or whose D overfits, without starting over), and wider stages (<see cref="Widen"/>: resolution
/// -> channels, each a multiple of the stored width; the networks keep their function, see <see cref="Models.IWidenable"/>),
/// and a composition part added to the condition of a conditioned run that has none (<see cref="CompositionSize"/>: G and D
/// take it over the same way, its values starting unread).
/// </summary>
public sealed record ResumeChanges(
    double? Minutes = null, double? FinalKimg = null, int? Threads = null,
    int? Neighbours = null, double? ModeSeeking = null, Recipes.Conditioned.ConditionedLoss? Loss = null, double? Gamma = null,
    double? Consistency = null, IReadOnlyDictionary<int, int>? Widen = null, Recipes.Conditioned.NeighbourSpace? NeighboursBy = null,
    int? CompositionSize = null, double? Edges = null)
{
    /// <summary>True when the networks change shape (they are taken over by <see cref="Models.IWidenable"/>).</summary>
    public bool Reshapes => Widen is not null || CompositionSize is not null;

    /// <summary>True when nothing changes (the resume is bit-exact).</summary>
    public bool None => this == new ResumeChanges();

    /// <summary>The stored options with these changes.</summary>
    public TrainingOptions Apply(TrainingOptions stored)
    {
        bool conditionedOnly = Neighbours is not null || ModeSeeking is not null || Loss is not null || Gamma is not null || Consistency is not null || NeighboursBy is not null
            || CompositionSize is not null || Edges is not null;
        if (conditionedOnly && stored.Recipe != GanRecipe.Conditioned)
            throw new ArgumentException($"Neighbours, their space, the composition part, mode seeking, consistency, edges, loss and gamma belong to the conditioned recipe; this run is {stored.Recipe.ToString().ToLowerInvariant()}.");
        // Its scale and components depend on its length, so a part once added stays as it is.
        if (CompositionSize is int size && stored.Conditioned.CompositionSize != 0 && size != stored.Conditioned.CompositionSize)
            throw new ArgumentException($"This run's condition already has a composition part of {stored.Conditioned.CompositionSize} values; it can only be added to a run without one.");
        return stored with
        {
            Minutes = Minutes ?? stored.Minutes,
            FinalKimg = FinalKimg ?? stored.FinalKimg,
            Threads = Threads ?? stored.Threads,
            Widths = Widen is null ? stored.Widths : Widened(stored, Widen),
            Conditioned = stored.Conditioned with
            {
                Neighbours = Neighbours ?? stored.Conditioned.Neighbours,
                NeighboursBy = NeighboursBy ?? stored.Conditioned.NeighboursBy,
                ModeSeekingWeight = ModeSeeking ?? stored.Conditioned.ModeSeekingWeight,
                Loss = Loss ?? stored.Conditioned.Loss,
                Gamma = Gamma ?? stored.Conditioned.Gamma,
                ConsistencyWeight = Consistency ?? stored.Conditioned.ConsistencyWeight,
                EdgeWeight = Edges ?? stored.Conditioned.EdgeWeight,
                CompositionSize = CompositionSize ?? stored.Conditioned.CompositionSize,
            },
        };
    }

    /// <summary>Every stage's width written out (so widening one stage leaves the next as it was), then the new ones.</summary>
    private static Dictionary<int, int> Widened(TrainingOptions stored, IReadOnlyDictionary<int, int> widen)
    {
        var widths = Enumerable.Range(0, (int)Math.Log2(stored.MaxResolution) - 1).Select(i => 4 << i).ToDictionary(r => r, stored.WidthAt);
        foreach (var (resolution, width) in widen)
        {
            if (!widths.TryGetValue(resolution, out int old))
                throw new ArgumentException($"Widen: {resolution} px is not a stage of this {stored.MaxResolution} px run.");
            if (resolution == 4 && width != old) throw new ArgumentException("Widen: the 4 px width sets the latent's size, so it stays.");
            if (width < old || width % old != 0)
                throw new ArgumentException($"Widen: the {resolution} px stage has {old} channels and can only grow to a multiple of {old}, not {width}.");
            widths[resolution] = width;
        }
        return widths;
    }
}
