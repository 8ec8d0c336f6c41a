namespace ArtGallery.Gan.Training;

/// <summary>What a run's count of skipped (non-finite) updates means, in words a person can act on. The engine holds every
/// Scalar and checks each update, so a skipped step is never noise from the machine: it means the run is diverging.</summary>
public static class SkippedUpdates
{
    public static string Explain(long skipped) =>
        $"{skipped} training step{(skipped == 1 ? " was" : "s were")} skipped because the numbers overflowed (a loss or gradient became " +
        "infinite or not a number); the model was left as it was before each. This means the run is diverging. " +
        "Look at the latest sample grid: if it has turned to noise or flat colour, stop the run and make an earlier checkpoint active " +
        "(or resume from one), or start again with a smaller kimg per phase.";
}
