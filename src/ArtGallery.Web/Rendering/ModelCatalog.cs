using ArtGallery.Data;

namespace ArtGallery.Web.Rendering;

/// <summary>Which models exist and which one is active; "active" resolves to the active model's id.</summary>
public sealed class ModelCatalog(ArtGalleryDatabase db)
{
    /// <summary>Alias for the active model in URLs.</summary>
    public const string ActiveAlias = "active";

    /// <summary>Raised after the active model changes (pages refresh).</summary>
    public event Action? ActiveChanged;

    /// <summary>The model for an id or "active"; null when unknown.</summary>
    public ModelRecord? Resolve(string idOrAlias) =>
        string.Equals(idOrAlias, ActiveAlias, StringComparison.OrdinalIgnoreCase) ? db.ActiveModel()
        : ArtworkRequest.IsValidModelId(idOrAlias) ? db.FindModel(idOrAlias) : null;

    /// <summary>The active model, if any.</summary>
    public ModelRecord? Active => db.ActiveModel();

    /// <summary>All models, newest first.</summary>
    public IReadOnlyList<ModelRecord> All() => db.AllModels();

    /// <summary>Registers (or refreshes) a model; optionally makes it active.</summary>
    public void Register(ModelRecord model, bool makeActive)
    {
        db.UpsertModel(model, makeActive);
        if (makeActive) ActiveChanged?.Invoke();
    }

    /// <summary>Forgets a model whose file no longer holds it (favorites of it then name an unknown model).</summary>
    public void Remove(string id) => db.RemoveModel(id);

    /// <summary>Makes a known model active.</summary>
    public bool Activate(string id)
    {
        bool ok = db.SetActiveModel(id);
        if (ok) ActiveChanged?.Invoke();
        return ok;
    }
}
