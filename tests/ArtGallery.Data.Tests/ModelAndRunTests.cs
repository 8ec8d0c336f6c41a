using System.Text.Json;
using JsonSerializer = System.Text.Json.JsonSerializer;
using ArtGallery.Contracts;
using LiteDB;

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
            db.SaveRun(new TrainingRunRecord { Id = "r1", Status = JobStatus.Running, Started = DateTime.UtcNow });
            db.SaveRun(new TrainingRunRecord { Id = "r2", Status = JobStatus.Stopped, Started = DateTime.UtcNow });
        }
        using var reopened = temp.Open();
        Assert.Equal(1, reopened.MarkInterruptedRunsResumable());
        Assert.Equal(JobStatus.Resumable, reopened.FindRun("r1")?.Status);
        Assert.Equal(JobStatus.Stopped, reopened.FindRun("r2")?.Status);
    }

    [Fact]
    public void RunStatus_StoredAsTheLowerCaseWord_AndOldRecordsReadBack()
    {
        using (var db = temp.Open()) db.SaveRun(new TrainingRunRecord { Id = "r1", Status = JobStatus.Resumable, Started = DateTime.UtcNow });
        using (var raw = new LiteDatabase(new ConnectionString { Filename = temp.FilePath, Connection = ConnectionType.Direct }))
        {
            var runs = raw.GetCollection("runs");
            Assert.Equal("resumable", runs.FindById("r1")["Status"].AsString);
            // A record written before the enum existed, as every stored run was.
            runs.Insert(new BsonDocument { ["_id"] = "old", ["Status"] = "paused", ["Started"] = DateTime.UtcNow });
        }
        using var reopened = temp.Open();
        Assert.Equal(JobStatus.Paused, reopened.FindRun("old")?.Status);
        Assert.Equal(JobStatus.Resumable, reopened.FindRun("r1")?.Status);
    }

    [Fact]
    public void JobStatus_JsonIsTheLowerCaseWord_NumbersAndUnknownWordsRefused()
    {
        Assert.Equal("{\"Status\":\"finished\"}", JsonSerializer.Serialize(new { Status = JobStatus.Finished }));
        Assert.Equal(JobStatus.Calibrating, JsonSerializer.Deserialize<JobStatus>("\"calibrating\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<JobStatus>("3"));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<JobStatus>("\"exploded\""));
        Assert.Equal(9, Enum.GetValues<JobStatus>().Length);
        Assert.All(Enum.GetValues<JobStatus>(), s => Assert.Equal(s, JobStatusText.Parse(s.ToText())));
        Assert.Throws<InvalidDataException>(() => JobStatusText.Parse("1"));
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
