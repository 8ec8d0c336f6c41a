using System.Numerics;

namespace ArtGallery.Imaging;

/// <summary>A picture defined in normalised coordinates (u right, v down, both 0..1), resolution-free.</summary>
internal abstract class Scene
{
    /// <summary>How strongly the painted-canvas texture shows (flat gradients want less than brushy fields).</summary>
    public virtual float TextureStrength => 1f;

    /// <summary>Colour (0..1 per channel) at one point; called several times per pixel for anti-aliasing.</summary>
    public abstract Vector3 Shade(float u, float v);

    /// <summary>Picks a palette index different from <paramref name="avoid"/>.</summary>
    protected static int OtherIndex(Rng rng, int count, int avoid)
    {
        int i = rng.Int(count - 1);
        return i >= avoid ? i + 1 : i;
    }
}
