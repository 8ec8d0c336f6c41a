namespace ArtGallery.Data.Tests;

public sealed class ModelAndRunTests : IDisposable
{
    private readonly TempDatabase temp = new();

    [Fact]
    public void SetActiveModel_SecondModel_LeavesExactlyOneActive()
    {
        using var db = temp.Open();
        db.UpsertModel(new ModelRecord { Id = "a", Path = "a.agmodel", Resolution = 64 }, makeActive: true);
        db.UpsertModel(new ModelRecord { Id = "b", Path = "b.agmodel", Resolution = 32 }, makeActive: false);
        Assert.Equal("a", db.ActiveModel()?.Id);
        Assert.True(db.SetActiveModel("b"));
        Assert.Equal("b", db.ActiveModel()?.Id);
        Assert.Single(db.AllModels(), m => m.Active);
        Assert.False(db.SetActiveModel("missing"));
    }

    [Fact]
    public void MarkInterruptedRunsResumable_RunningRunAfterCrash_BecomesResumable()
    {
        using (var db = temp.Open())
        {
            db.SaveRun(new TrainingRunRecord { Id = "r1", Status = RunStatus.Running, Started = DateTime.UtcNow });
            db.SaveRun(new TrainingRunRecord { Id = "r2", Status = RunStatus.Stopped, Started = DateTime.UtcNow });
        }
        using var reopened = temp.Open();
        Assert.Equal(1, reopened.MarkInterruptedRunsResumable());
        Assert.Equal(RunStatus.Resumable, reopened.FindRun("r1")?.Status);
        Assert.Equal(RunStatus.Stopped, reopened.FindRun("r2")?.Status);
    }

    [Fact]
    public void SaveDataset_AfterReopen_IsListed()
    {
        using (var db = temp.Open())
            db.SaveDataset(new DatasetRecord { Id = "d1", Name = "mine", Folder = "/x", ImageCount = 3 });
        using var reopened = temp.Open();
        Assert.Equal(3, Assert.Single(reopened.AllDatasets()).ImageCount);
    }

    public void Dispose() => temp.Dispose();
}
