namespace ArtGallery.Web.Rendering;

/// <summary>A model's edit directions could not be computed (e.g. a diverged model renders non-finite codes): edits are refused with a clear message.</summary>
public sealed class DirectionsUnavailableException(string modelId, Exception inner)
    : Exception($"Edits are unavailable for model {modelId}: its edit directions could not be computed ({inner.Message.Split('\n')[0].Trim()}).", inner);
