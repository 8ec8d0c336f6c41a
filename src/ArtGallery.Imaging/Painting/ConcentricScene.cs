using System.Numerics;

namespace ArtGallery.Imaging;

/// <summary>Concentric rings around an off-centre point, or nested squares sinking toward the bottom.</summary>
internal sealed class ConcentricScene : Scene
{
    private readonly bool squares;
    private readonly float cx, cy;
    private readonly float[] radii;
    private readonly float[] drops;
    private readonly Vector3[] colors;

    public ConcentricScene(Rng rng, Vector3[] palette)
    {
        this.squares = rng.Chance(0.45f);
        int n = this.squares ? 3 + rng.Int(2) : 4 + rng.Int(6);
        cx = this.squares ? 0.5f : rng.Range(0.3f, 0.7f);
        cy = this.squares ? 0.5f : rng.Range(0.3f, 0.7f);
        float outer = this.squares ? 0.5f : rng.Range(0.45f, 0.8f);
        radii = new float[n];
        drops = new float[n];
        colors = new Vector3[n + 1];
        float r = outer;
        int last = rng.Int(palette.Length);
        colors[0] = palette[last];
        for (int i = 0; i < n; i++)
        {
            radii[i] = r;
            drops[i] = this.squares ? (0.5f - r) * 0.35f : 0;
            r *= this.squares ? rng.Range(0.62f, 0.8f) : rng.Range(0.6f, 0.88f);
            last = OtherIndex(rng, palette.Length, last);
            colors[i + 1] = palette[last];
        }
    }

    public override Vector3 Shade(float u, float v)
    {
        int ring = 0;
        for (int i = 0; i < radii.Length; i++)
        {
            float dx = u - cx, dy = v - (cy + drops[i]);
            float d = this.squares ? MathF.Max(MathF.Abs(dx), MathF.Abs(dy)) : MathF.Sqrt(dx * dx + dy * dy);
            if (d < radii[i]) ring = i + 1;
            else break;
        }
        return colors[ring];
    }
}
