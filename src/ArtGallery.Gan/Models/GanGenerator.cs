using static TorchSharp.torch;

namespace ArtGallery.Gan.Models;

/// <summary>A generator split into latent -> code (the 4x4 stage) and code -> image, so edits act on the code.</summary>
public abstract class GanGenerator : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the module with a TorchSharp name.</summary>
    protected GanGenerator(string name) : base(name) { }

    /// <summary>Length of the latent vector z.</summary>
    public abstract int LatentSize { get; }

    /// <summary>Length of the flattened intermediate code.</summary>
    public abstract int CodeSize { get; }

    /// <summary>The leading part of the code that principal edits move. A conditioned generator's code ends with its
    /// condition's embedding, which differs most between seeds: principal sliders leave it to the "like" control.</summary>
    public virtual int EditableCodeSize => CodeSize;

    /// <summary>Largest resolution the network can produce.</summary>
    public abstract int MaxResolution { get; }

    /// <summary>Resolution produced by <see cref="Synthesize"/> (changes while growing).</summary>
    public int Resolution { get; set; } = 4;

    /// <summary>Fade-in weight of the newest block: 0 = previous resolution upsampled, 1 = new block only.</summary>
    public double Alpha { get; set; } = 1;

    /// <summary>The collection a conditioned generator draws around; null for an unconditioned one.</summary>
    public virtual Conditioning.ConditionCollection? Collection => null;

    /// <summary>Values of the condition at the end of a latent (0: unconditioned).</summary>
    public virtual int ConditionSize => 0;

    /// <summary>
    /// The latent of an artwork seed, the same on every machine. A conditioned generator appends the condition: the
    /// descriptor of the seed's collection picture (or of picture <paramref name="like"/>).
    /// </summary>
    public virtual float[] LatentFor(long seed, int? like = null)
    {
        if (like is not null) throw new InvalidOperationException("This model was trained without conditions: it has no collection or palettes.");
        return Sampling.Rendering.Latent(seed, LatentSize);
    }

    /// <summary>Latents (N, LatentSize) -> codes (N, CodeSize).</summary>
    public abstract Tensor Code(Tensor latents);

    /// <summary>Codes (N, CodeSize) -> images (N, 3, Resolution, Resolution) at the current alpha.</summary>
    public abstract Tensor Synthesize(Tensor codes);

    /// <summary>Analytic FLOPs of one forward pass for one image at a resolution (convs and linears).</summary>
    public abstract double ForwardFlops(int resolution);

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return Synthesize(Code(input)).MoveToOuterDisposeScope();
    }
}
