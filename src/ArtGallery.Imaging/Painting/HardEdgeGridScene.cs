using System.Numerics;

namespace ArtGallery.Imaging;

/// <summary>Recursive splits with black rules; a few cells filled with strong colour, the rest off-white.</summary>
internal sealed class HardEdgeGridScene : Scene
{
    private readonly List<Node> nodes = [];
    private readonly float half;
    private readonly Vector3 line;

    private struct Node
    {
        public bool Vertical;
        public float Split;
        public int Left, Right;
        public Vector3 Color;
    }

    public HardEdgeGridScene(Rng rng, Vector3[] palette)
    {
        half = rng.Range(0.006f, 0.013f);
        var sorted = palette.OrderBy(Palettes.Luma).ToArray();
        line = sorted[0] * 0.35f;
        var light = Vector3.Lerp(sorted[^1], Vector3.One, 0.55f);
        Build(rng, sorted, light, 0, 0, 1, 1, 0, 3 + rng.Int(2));
    }

    public override float TextureStrength => 0.7f;

    private int Build(Rng rng, Vector3[] pal, Vector3 light, float x0, float y0, float x1, float y1, int depth, int maxDepth)
    {
        int id = nodes.Count;
        nodes.Add(default);
        float w = x1 - x0, h = y1 - y0;
        bool split = depth < maxDepth && MathF.Max(w, h) > 0.16f && (depth < 2 || rng.Chance(0.7f));
        if (!split)
        {
            var fill = rng.Chance(0.45f) ? pal[1 + rng.Int(pal.Length - 1)] : light;
            nodes[id] = new Node { Left = -1, Color = fill };
            return id;
        }
        bool vertical = w > h * 1.3f || (h <= w * 1.3f && rng.Chance(0.5f));
        float s = vertical ? x0 + w * rng.Range(0.25f, 0.75f) : y0 + h * rng.Range(0.25f, 0.75f);
        int a = vertical ? Build(rng, pal, light, x0, y0, s, y1, depth + 1, maxDepth) : Build(rng, pal, light, x0, y0, x1, s, depth + 1, maxDepth);
        int b = vertical ? Build(rng, pal, light, s, y0, x1, y1, depth + 1, maxDepth) : Build(rng, pal, light, x0, s, x1, y1, depth + 1, maxDepth);
        nodes[id] = new Node { Vertical = vertical, Split = s, Left = a, Right = b };
        return id;
    }

    public override Vector3 Shade(float u, float v)
    {
        int i = 0;
        while (true)
        {
            var n = nodes[i];
            if (n.Left < 0) return n.Color;
            float c = n.Vertical ? u : v;
            // Only ancestors' rules can cross this point, and each spans exactly its node: no segment list needed.
            if (MathF.Abs(c - n.Split) < half) return line;
            i = c < n.Split ? n.Left : n.Right;
        }
    }
}
