namespace ArtGallery.E2E.Tests.Infrastructure;

/// <summary>One app and one browser for all tests; serial because the app runs TorchSharp and the machine is small.</summary>
[CollectionDefinition("Sequential", DisableParallelization = true)]
public sealed class SequentialCollection : ICollectionFixture<AppFixture>;
