using ArtGallery.Gan.Sampling;
using ArtGallery.Metrics;

namespace ArtGallery.Gan.Conditioning;

/// <summary>
/// How well "more like this" works on a conditioned model (issue 21): samples drawn around collection picture N should lie
/// nearer to N, in descriptor space, than to 95 % of the collection, and be variations rather than copies of N (closer to
/// it at 32 px than the collection's own near-duplicate threshold).
/// </summary>
public static class LikeCheck
{
    /// <summary>Share of the collection that may lie nearer to a sample than its own picture.</summary>
    public const double NearerThanShare = 0.95;

    /// <summary>Measures <paramref name="pictures"/> collection pictures (spread evenly) with <paramref name="perPicture"/> seeds each,
    /// rendered at <paramref name="truncation"/>.</summary>
    public static LikeFidelity Measure(ArtGenerator generator, int pictures = 50, int perPicture = 8, float truncation = 1f)
    {
        var collection = generator.Collection ?? throw new InvalidOperationException("This model was trained without conditions: it has no collection.");
        int side = ConditionSet.ThumbnailSide, count = collection.Count;
        var descriptors = Enumerable.Range(0, count).Select(collection.Descriptor).ToArray();
        var thumbnails = Enumerable.Range(0, count).Select(i => collection.Thumbnail(i).Select(b => b / 127.5f - 1).ToArray()).ToArray();
        double copyThreshold = NearDuplicates.Threshold(thumbnails);
        int measured = Math.Min(pictures, count), nearer = 0, copies = 0, total = 0;
        foreach (int picture in Enumerable.Range(0, measured).Select(i => (int)((long)i * count / measured)))
        {
            var latents = Enumerable.Range(0, perPicture).Select(s => generator.LatentFor(7_000_000L + s, like: picture)).ToArray();
            foreach (var sample in generator.RenderBatch(latents, truncation))
            {
                var small = new float[3 * side * side];
                AreaResize.Resize(sample, generator.Resolution, small, side);
                var described = ConditionDescriptor.Describe(small, side);
                float own = ConditionDescriptor.Distance(described, descriptors[picture]);
                int closer = descriptors.Count(d => ConditionDescriptor.Distance(described, d) < own);
                if (closer < (1 - NearerThanShare) * count) nearer++;
                if (Math.Sqrt(small.Zip(thumbnails[picture], (a, b) => (double)(a - b) * (a - b)).Sum()) < copyThreshold) copies++;
                total++;
            }
        }
        return new LikeFidelity(measured, perPicture, nearer / (double)total, copies / (double)total);
    }
}
