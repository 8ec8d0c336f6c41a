using System.Net.Http.Json;
using ArtGallery.Web.Api;
using ArtGallery.Web.Tests.Infrastructure;

namespace ArtGallery.Web.Tests.Api;

/// <summary>An upgrade replaces the bundled model file: the app must serve the new model under its own id, not under the
/// catalog entry of the old one (whose renders, caches and favorites would then be another model's).</summary>
[Collection("Sequential")]
public sealed class BundledModelUpgradeTests(TinyModel plain, TinyConditionedModel conditioned) : IClassFixture<TinyConditionedModel>
{
    [Fact]
    public async Task BundledFileReplaced_NextStart_ListsAndServesTheNewModelActive()
    {
        var data = AppFactory.NewDataDirectory();
        var bundled = Path.Combine(data, "..", "bundled-" + Guid.NewGuid().ToString("N") + ".agmodel");
        File.Copy(plain.ModelPath, bundled);
        await using (var before = new AppFactory(data, bundled))
        {
            var listed = await before.CreateClient().GetFromJsonAsync<List<ModelDto>>("/api/models");
            Assert.Equal(plain.ModelId, Assert.Single(listed!).Id);
        }

        File.Copy(conditioned.ModelPath, bundled, overwrite: true);
        await using var after = new AppFactory(data, bundled);
        var client = after.CreateClient();
        var models = await client.GetFromJsonAsync<List<ModelDto>>("/api/models");
        var only = Assert.Single(models!);
        Assert.Equal((conditioned.ModelId, true), (only.Id, only.Active));
        // The active model is the conditioned one: it has a collection, which the old model never had.
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/api/models/active/collection")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/api/artworks/{plain.ModelId}/5.png")).StatusCode);
    }
}
