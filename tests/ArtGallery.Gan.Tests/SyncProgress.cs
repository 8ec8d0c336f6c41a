using ArtGallery.Contracts;
using ArtGallery.Gan.Training;

namespace ArtGallery.Gan.Tests;

/// <summary>Records reports synchronously (Progress&lt;T&gt; posts asynchronously) and can cancel after a step count.</summary>
internal sealed class SyncProgress(CancellationTokenSource? cancel = null, long cancelAtStep = long.MaxValue, Func<long>? step = null)
    : IProgress<TrainingProgress>
{
    public List<TrainingProgress> Reports { get; } = [];

    public void Report(TrainingProgress value)
    {
        Reports.Add(value);
        if (step is not null && step() >= cancelAtStep) cancel?.Cancel();
    }
}
