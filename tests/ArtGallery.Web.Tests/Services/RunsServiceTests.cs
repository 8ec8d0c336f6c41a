using ArtGallery.Contracts;
using ArtGallery.Data;
using ArtGallery.Gan.Checkpoints;
using ArtGallery.Gan.Training;
using ArtGallery.Web.Infrastructure;
using ArtGallery.Web.Rendering;
using ArtGallery.Web.Tests.Infrastructure;
using ArtGallery.Web.Training;
using ArtGallery.Web.Training.DetailJobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ArtGallery.Web.Tests.Services;

/// <summary>Runs as pages see them: LiteDB records, the engine's run folders (a real tiny run) and real model activation.</summary>
[Collection("Sequential")]
public sealed class RunsServiceTests : IDisposable
{
    private readonly TinyModel model;
    private readonly DataPaths paths;
    private readonly ArtGalleryDatabase db;
    private readonly ModelCatalog catalog;
    private readonly RunFolders folders;
    private readonly RunsService runs;

    public RunsServiceTests(TinyModel model)
    {
        this.model = model;
        var options = Options.Create(new ArtGalleryOptions { DataDirectory = AppFactory.NewDataDirectory(), DirectionSamples = 32 });
        paths = new DataPaths(options);
        db = new ArtGalleryDatabase(paths.Database);
        catalog = new ModelCatalog(db);
        var queue = new RenderQueue(options, catalog, NullLogger<RenderQueue>.Instance);
        var renderer = new ArtRenderer(queue, new PrintQueue(options), paths, options);
        folders = new RunFolders(paths);
        var details = new DetailModels(catalog, options, NullLogger<DetailModels>.Instance);
        runs = new RunsService(db, folders, new ModelActivator(queue, catalog, paths, renderer, new DetailTargets(db, folders, catalog, paths, details)));
    }

    [Fact]
    public void TimelineAndCurves_ARealRun_ComeFromItsFolder()
    {
        var id = CopyTinyRun(JobStatus.Finished);
        var folder = folders.For(id);

        var timeline = runs.Timeline(id);
        var curves = runs.Curves(id);

        Assert.Equal(folder.SampleGrids().Count, timeline.Count);
        Assert.NotEmpty(timeline);
        Assert.All(timeline, s => Assert.StartsWith($"/api/training/runs/{id}/samples/grid-", s.Url));
        Assert.Equal(folder.ReadProgress().Count, curves.Count);
        Assert.Equal(folder.ReadProgress()[^1].Kimg, curves[^1].Kimg);
    }

    [Theory]
    [InlineData(JobStatus.Finished, false, true)]
    [InlineData(JobStatus.Stopped, true, true)]
    [InlineData(JobStatus.Paused, true, false)]
    [InlineData(JobStatus.Failed, false, false)]
    public void Recent_ByStatus_OffersResumeAndExtend(JobStatus status, bool resume, bool extend)
    {
        var id = CopyTinyRun(status);
        var summary = Assert.Single(runs.Recent(), r => r.Run.Id == id);
        Assert.Equal((resume, extend), (summary.CanResume, summary.CanExtend));
        Assert.NotEmpty(summary.Checkpoints);
        Assert.Equal(resume ? id : null, runs.Resumable()?.Id);
    }

    [Fact]
    public async Task ActivateAsync_ItsCheckpoint_BecomesTheActiveModel()
    {
        var id = CopyTinyRun(JobStatus.Finished);
        var checkpoint = Path.GetFileName(CheckpointStore.List(folders.For(id).Path)[0]);

        var modelId = await runs.ActivateAsync(id, checkpoint);

        Assert.Equal(modelId, catalog.Active?.Id);
        Assert.Equal(id, catalog.Active?.Source);
    }

    [Fact]
    public async Task ActivateAsync_NameNotOfThisRun_RefusedAndNothingChanges()
    {
        var id = CopyTinyRun(JobStatus.Finished);
        await Assert.ThrowsAsync<InvalidOperationException>(() => runs.ActivateAsync(id, "../../models/other.agck"));
        Assert.Null(catalog.Active);
    }

    [Fact]
    public void Thin_ManyPoints_KeepsFirstAndLastAndAtMostMax()
    {
        var points = Enumerable.Range(0, 1001).ToList();
        var thin = RunsService.Thin(points, 200);
        Assert.Equal(200, thin.Count);
        Assert.Equal((0, 1000), (thin[0], thin[^1]));
        Assert.Same(points, RunsService.Thin(points, 2000));
    }

    [Fact]
    public void LastPhaseKimg_FinalKimgSet_IsIt()
    {
        var run = new TrainingRunRecord { Id = "r", OptionsJson = (TinyModel.Options() with { FinalKimg = 3 }).ToJson() };
        Assert.Equal(3, runs.LastPhaseKimg(run));
        Assert.Equal(0.05, runs.LastPhaseKimg(new TrainingRunRecord { Id = "s", OptionsJson = TinyModel.Options().ToJson() }));
    }

    private string CopyTinyRun(JobStatus status)
    {
        var id = $"run-test-{Guid.NewGuid():N}"[..20];
        var target = folders.For(id).Path;
        foreach (var file in Directory.GetFiles(model.RunDirectory, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(model.RunDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        db.SaveRun(new TrainingRunRecord { Id = id, Status = status, Dataset = "builtin:abstract", OptionsJson = TinyModel.Options().ToJson(), Started = DateTime.UtcNow });
        return id;
    }

    public void Dispose() => db.Dispose();
}
