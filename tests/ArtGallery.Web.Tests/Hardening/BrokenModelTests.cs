using System.Net;
using ArtGallery.Data;
using ArtGallery.Web.Rendering;
using ArtGallery.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ArtGallery.Web.Tests.Hardening;

/// <summary>A registered model whose file is damaged (or whose edit directions cannot be computed) gets clear 4xx/503 answers, never 500.</summary>
[Collection("Sequential")]
public sealed class BrokenModelTests(TinyModel model)
{
    [Fact]
    public async Task DamagedModelFile_RendersAndEditsAnswerProblemDetailsNot500()
    {
        await using var app = new AppFactory(AppFactory.NewDataDirectory(), model.ModelPath);
        var client = app.CreateClient();
        var broken = Path.Combine(app.DataDirectory, "models", "0123456789ab.agmodel");
        await File.WriteAllBytesAsync(broken, [.. "AGMD0001"u8, 1, 2, 3]);
        app.Services.GetRequiredService<ModelCatalog>().Register(new ModelRecord { Id = "0123456789ab", Path = broken, Resolution = 8, Source = "test" }, makeActive: false);

        var plain = await client.GetAsync("/api/artworks/0123456789ab/1.png");
        var edited = await client.GetAsync("/api/artworks/0123456789ab/1.png?edits=pc1:1");
        var editedAgain = await client.GetAsync("/api/artworks/0123456789ab/2.png?edits=pc2:1");
        var print = await client.GetAsync("/api/artworks/0123456789ab/1/print?size=8x10&dpi=50&edits=pc1:1");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, plain.StatusCode);
        var body = await plain.Content.ReadAsStringAsync();
        Assert.Contains("could not be loaded", body);
        Assert.DoesNotContain(app.DataDirectory, body); // anonymous clients never see where the data lives
        foreach (var r in new[] { edited, editedAgain, print })
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Edits are unavailable for model 0123456789ab", await r.Content.ReadAsStringAsync());
        }
        // The healthy active model is untouched.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/artworks/active/1.png")).StatusCode);
    }
}
