namespace ArtGallery.Data;

public sealed partial class ArtGalleryDatabase
{
    /// <summary>All models, newest first.</summary>
    public IReadOnlyList<ModelRecord> AllModels() => Models.FindAll().OrderByDescending(m => m.Created).Select(m => Absolute(m)!).ToList();

    /// <summary>A model by id.</summary>
    public ModelRecord? FindModel(string id) => Absolute(Models.FindById(id));

    /// <summary>The active model, if any.</summary>
    public ModelRecord? ActiveModel() => Absolute(Models.FindOne(m => m.Active));

    /// <summary>Adds or replaces a model record; when <paramref name="makeActive"/> it becomes the only active one.</summary>
    public void UpsertModel(ModelRecord model, bool makeActive) => Write(() =>
    {
        if (model.Created == default) model.Created = DateTime.UtcNow;
        model.Active = makeActive || (Models.FindById(model.Id)?.Active ?? false);
        WithStored(model, m => m.Path, (m, v) => m.Path = v, () => Models.Upsert(model));
        if (makeActive) SetActiveModel(model.Id);
    });

    /// <summary>Removes a model record; false when unknown.</summary>
    public bool RemoveModel(string id) => Write(() => Models.Delete(id));

    /// <summary>Makes <paramref name="id"/> the active model; false when unknown.</summary>
    public bool SetActiveModel(string id) => Write(() => SetActiveModelCore(id));

    private bool SetActiveModelCore(string id)
    {
        if (Models.FindById(id) is null) return false;
        foreach (var m in Models.Find(m => m.Active && m.Id != id))
        {
            m.Active = false;
            Models.Update(m);
        }
        var target = Models.FindById(id);
        target.Active = true;
        Models.Update(target);
        return true;
    }
}
