namespace ArtGallery.Imaging.Tests;

/// <summary>Tests that measure time run alone, not beside the rest of the suite.</summary>
[CollectionDefinition("Sequential", DisableParallelization = true)]
public sealed class SequentialCollection;
