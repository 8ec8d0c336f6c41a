namespace ArtGallery.Data.Tests;

public sealed class BackupTests : IDisposable
{
    private readonly TempDatabase temp = new();

    [Fact]
    public async Task BackupTo_DuringConcurrentWrites_HoldsEveryWriteThatReturnedBeforeIt()
    {
        using var db = temp.Open();
        using var stop = new CancellationTokenSource();
        var done = new System.Collections.Concurrent.ConcurrentBag<(int User, long Seed)>();
        var writers = Enumerable.Range(1, 4).Select(user => Task.Run(() =>
        {
            for (long seed = 0; !stop.IsCancellationRequested; seed++)
            {
                db.AddFavorite(user, "model", seed, 1f, "");
                db.SaveRun(new TrainingRunRecord { Id = $"run-{user}", Kimg = seed });
                done.Add((user, seed));
            }
        })).ToList();
        Assert.True(SpinWait.SpinUntil(() => done.Count > 400 && done.Select(d => d.User).Distinct().Count() == 4, TimeSpan.FromSeconds(30)));

        var before = done.ToList();
        var copy = Path.Combine(temp.Folder, "copy.db");
        db.BackupTo(copy);
        SpinWait.SpinUntil(() => done.Count > before.Count + 200, TimeSpan.FromSeconds(30));
        stop.Cancel();
        await Task.WhenAll(writers);

        Assert.False(File.Exists(Path.Combine(temp.Folder, "copy-log.db")), "the copy must not need a log file");
        using var restored = new ArtGalleryDatabase(copy);
        foreach (var user in Enumerable.Range(1, 4))
        {
            var seeds = restored.FavoritesOf(user).Select(f => f.Seed).ToHashSet();
            var expected = before.Where(d => d.User == user).Select(d => d.Seed).ToList();
            Assert.All(expected, s => Assert.Contains(s, seeds));
            // Consistent: the run record is never ahead of the favorites written before it in the same loop.
            Assert.True(restored.FindRun($"run-{user}")!.Kimg <= seeds.Max(), $"user {user}: run record ahead of its favorites");
            Assert.Equal(seeds.Count, (int)seeds.Max() + 1);
        }
    }

    [Fact]
    public void BackupTo_ExistingFile_RefusesToOverwrite()
    {
        using var db = temp.Open();
        var copy = Path.Combine(temp.Folder, "copy.db");
        File.WriteAllText(copy, "keep me");
        Assert.Throws<IOException>(() => db.BackupTo(copy));
        Assert.Equal("keep me", File.ReadAllText(copy));
    }

    [Fact]
    public void RebasePaths_MovedDataFolder_RewritesOnlyPathsUnderTheOldRoot()
    {
        using (var db = temp.Open())
        {
            db.UpsertModel(new ModelRecord { Id = "a", Path = "/old/data/models/a.agmodel" }, makeActive: true);
            db.UpsertModel(new ModelRecord { Id = "b", Path = "/opt/app/models/default.agmodel" }, makeActive: false);
            db.SaveDataset(new DatasetRecord { Id = "ds", Folder = "/old/data/datasets/ds" });
            db.SaveRun(new TrainingRunRecord { Id = "r1", Dataset = "/old/data/datasets/ds" });
            db.SaveRun(new TrainingRunRecord { Id = "r2", Dataset = "builtin:abstract" });
            Assert.Equal(3, db.RebasePaths("/old/data", "/new/place"));
        }
        using var reopened = temp.Open();
        Assert.Equal("/new/place/models/a.agmodel", reopened.FindModel("a")!.Path);
        Assert.Equal("/opt/app/models/default.agmodel", reopened.FindModel("b")!.Path);
        Assert.Equal("/new/place/datasets/ds", reopened.FindDataset("ds")!.Folder);
        Assert.Equal("/new/place/datasets/ds", reopened.FindRun("r1")!.Dataset);
        Assert.Equal("builtin:abstract", reopened.FindRun("r2")!.Dataset);
        Assert.Null(ArtGalleryDatabase.Rebase("/old/database/x", "/old/data", "/new"));
    }

    public void Dispose() => temp.Dispose();
}
