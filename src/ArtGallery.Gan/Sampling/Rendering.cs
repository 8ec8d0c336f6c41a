using ArtGallery.Gan.Models;
using static TorchSharp.torch;

namespace ArtGallery.Gan.Sampling;

/// <summary>Batched, leak-free sampling helpers shared by the trainer, probes and <see cref="ArtGenerator"/>.</summary>
internal static class Rendering
{
    /// <summary>Fixed latents from a seed, identical on every platform.</summary>
    public static float[] Latent(long seed, int size)
    {
        var rng = new Training.GanRandom(Training.GanRandom.Mix(seed, 0x5EED));
        var z = new float[size];
        for (int i = 0; i < size; i++) z[i] = rng.NextGaussian();
        return z;
    }

    /// <summary>Runs <paramref name="forward"/> over rows in chunks in eval + inference mode; returns one array per row.</summary>
    public static float[][] Map(nn.Module module, IReadOnlyList<float[]> rows, Device device, Func<Tensor, Tensor> forward, int chunk = 16)
    {
        var result = new float[rows.Count][];
        if (rows.Count == 0) return result;
        bool wasTraining = module.training;
        module.eval();
        try
        {
            // inference_mode, not only no_grad: TorchSharp issue 1445 saw memory grow under no_grad on worker threads.
            using var inference = inference_mode();
            int width = rows[0].Length;
            for (int start = 0; start < rows.Count; start += chunk)
            {
                using var scope = NewDisposeScope();
                int n = Math.Min(chunk, rows.Count - start);
                var flat = new float[n * width];
                for (int i = 0; i < n; i++) rows[start + i].CopyTo(flat, i * width);
                var output = forward(tensor(flat, new long[] { n, width }).to(device)).to(CPU).contiguous();
                var data = output.data<float>().ToArray();
                int outWidth = data.Length / n;
                for (int i = 0; i < n; i++) result[start + i] = data.AsSpan(i * outWidth, outWidth).ToArray();
            }
        }
        finally
        {
            module.train(wasTraining);
        }
        return result;
    }

    /// <summary>Latents -> CHW images with a generator at its current resolution and alpha.</summary>
    public static float[][] Images(GanGenerator g, IReadOnlyList<float[]> latents, Device device) =>
        Map(g, latents, device, g.forward);
}
