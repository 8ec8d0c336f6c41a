using LiteDB;

namespace ArtGallery.Data.Tests;

/// <summary>Issue 24 class 2: paths inside the data folder are stored relative to it and handed out absolute.</summary>
public sealed class RelativePathTests : IDisposable
{
    private readonly TempDatabase temp = new();

    [Fact]
    public void PathsInsideTheFolder_StoredRelative_HandedOutAbsolute_OthersUnchanged()
    {
        var folder = Path.Combine(temp.Folder, "datasets", "ds-1");
        var record = new DatasetRecord { Id = "ds-1", Folder = folder };
        using (var db = temp.Open())
        {
            db.SaveDataset(record);
            db.UpsertModel(new ModelRecord { Id = "m", Path = "/opt/app/models/default.agmodel" }, makeActive: true);
            db.SaveRun(new TrainingRunRecord { Id = "r", Dataset = "builtin:abstract?count=8&seed=0" });
            Assert.Equal(folder, record.Folder); // the caller's object stays absolute
            Assert.Equal(folder, db.FindDataset("ds-1")!.Folder);
        }
        using (var raw = new LiteDatabase(new ConnectionString { Filename = temp.FilePath, Connection = ConnectionType.Direct }))
        {
            Assert.Equal("datasets/ds-1", raw.GetCollection("datasets").FindById("ds-1")["Folder"].AsString);
            Assert.Equal("/opt/app/models/default.agmodel", raw.GetCollection("models").FindById("m")["Path"].AsString);
            Assert.Equal("builtin:abstract?count=8&seed=0", raw.GetCollection("runs").FindById("r")["Dataset"].AsString);
        }
    }

    [Fact]
    public void LegacyAbsoluteRecordsOfAnotherFolder_MigratedOnOpen_WhenTheFilesAreHere()
    {
        Directory.CreateDirectory(Path.Combine(temp.Folder, "datasets", "ds-1"));
        using (var raw = new LiteDatabase(new ConnectionString { Filename = temp.FilePath, Connection = ConnectionType.Direct }))
        {
            raw.GetCollection("datasets").Insert(new BsonDocument { ["_id"] = "ds-1", ["Folder"] = "/srv/old-data/datasets/ds-1" });
            raw.GetCollection("runs").Insert(new BsonDocument { ["_id"] = "r", ["Dataset"] = "/srv/old-data/datasets/ds-1" });
            raw.GetCollection("datasets").Insert(new BsonDocument { ["_id"] = "ds-gone", ["Folder"] = "/srv/old-data/datasets/ds-gone" });
        }
        using var db = temp.Open();
        Assert.Equal(Path.Combine(temp.Folder, "datasets", "ds-1"), db.FindDataset("ds-1")!.Folder);
        Assert.Equal(Path.Combine(temp.Folder, "datasets", "ds-1"), db.FindRun("r")!.Dataset);
        Assert.Equal("/srv/old-data/datasets/ds-gone", db.FindDataset("ds-gone")!.Folder); // not here: left as it was
    }

    public void Dispose() => temp.Dispose();
}
