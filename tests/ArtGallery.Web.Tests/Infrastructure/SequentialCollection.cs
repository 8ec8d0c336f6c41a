namespace ArtGallery.Web.Tests.Infrastructure;

/// <summary>Tests touching TorchSharp (renders, training) run one at a time.</summary>
[CollectionDefinition("Sequential", DisableParallelization = true)]
public sealed class SequentialCollection : ICollectionFixture<TinyModel>;
