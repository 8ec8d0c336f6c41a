using System.Globalization;

namespace ArtGallery.Web.Rendering;

/// <summary>Turns URL parts into an <see cref="ArtworkRequest"/> with user-facing errors (shared by pages and endpoints).</summary>
public static class ArtworkParser
{
    /// <summary>Parses; on failure <paramref name="error"/> says why and <paramref name="unknownModel"/> tells 404 from 400.</summary>
    public static ArtworkRequest? Parse(ModelCatalog catalog, string? model, long seed, string? trunc, string? edits, out string? error, out bool unknownModel) =>
        Parse(catalog, model, seed, trunc, edits, null, out error, out unknownModel);

    /// <summary>As above, with an interpolation frame (<c>mix=toSeed:t</c>).</summary>
    public static ArtworkRequest? Parse(ModelCatalog catalog, string? model, long seed, string? trunc, string? edits, string? mix, out string? error, out bool unknownModel) =>
        Parse(catalog, model, seed, trunc, edits, mix, null, null, out error, out unknownModel);

    /// <summary>As above, with a conditioned model's <c>like</c> and <c>palette</c> (well formed here; whether the model
    /// can draw them is <see cref="ModelCollections.ProblemWithAsync"/>'s question).</summary>
    public static ArtworkRequest? Parse(ModelCatalog catalog, string? model, long seed, string? trunc, string? edits, string? mix,
        string? like, string? palette, out string? error, out bool unknownModel)
    {
        unknownModel = false;
        float t = 1f;
        if (!string.IsNullOrEmpty(trunc) && (trunc.Length > 16 || !float.TryParse(trunc, NumberStyles.Float, CultureInfo.InvariantCulture, out t)))
        {
            error = $"trunc must be a number {ArtworkRequest.MinTruncation}..{ArtworkRequest.MaxTruncation}.";
            return null;
        }
        if (!ArtworkRequest.TryValidate(seed, t, out error)) return null;
        if (!ArtworkEdits.TryParse(edits, out var parsed, out error)) return null;
        if (!ArtworkMix.TryParse(mix, out var parsedMix, out error)) return null;
        if (!ArtworkCondition.TryParse(like, palette, out var condition, out error)) return null;
        var record = catalog.Resolve(model ?? ModelCatalog.ActiveAlias);
        if (record is null)
        {
            unknownModel = true;
            var shown = model is null ? "" : model.Length > 64 ? model[..64] + "..." : model;
            error = $"Unknown model '{shown}'. GET /api/models lists the models.";
            return null;
        }
        return new ArtworkRequest(record.Id, seed, t, parsed) { Mix = parsedMix, Condition = condition };
    }
}
