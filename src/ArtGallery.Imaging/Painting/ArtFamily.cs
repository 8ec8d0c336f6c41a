namespace ArtGallery.Imaging;

/// <summary>The style families of the built-in procedurally painted abstract dataset.</summary>
public enum ArtFamily
{
    /// <summary>Soft stacked rectangles on a field (Rothko-like).</summary>
    ColorField,
    /// <summary>Black-lined grid of flat cells (Mondrian-like).</summary>
    HardEdgeGrid,
    /// <summary>Concentric rings or nested squares (Albers-like).</summary>
    Concentric,
    /// <summary>Parallel bands of varying width.</summary>
    Stripes,
    /// <summary>Smooth multi-stop gradients with a soft glow.</summary>
    Gradient,
    /// <summary>Grids or scatters of round dots.</summary>
    DotField,
    /// <summary>Planes cut by straight lines into triangles and polygons.</summary>
    Shards,
    /// <summary>Horizontal bands bounded by sine waves.</summary>
    Waves,
}
