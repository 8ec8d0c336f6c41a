namespace ArtGallery.Web.Tests.Infrastructure;

/// <summary>One app host for every test of a class (IClassFixture): for classes whose tests each sign in their own users and
/// change nothing another test reads. A host start costs about a second, most of the fast loop's time otherwise.</summary>
public sealed class SharedApp : IAsyncLifetime
{
    private AppFactory? app;

    /// <summary>The class's host, started on first use with <paramref name="modelPath"/> as its default model.</summary>
    public AppFactory For(string? modelPath) => app ??= new AppFactory(AppFactory.NewDataDirectory(), modelPath);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
    }
}
