namespace ArtGallery.Detail.Tests;

/// <summary>TorchSharp tests share native state and the 2 CPU cores: run them one at a time.</summary>
[CollectionDefinition("Sequential", DisableParallelization = true)]
public sealed class SequentialCollection;
