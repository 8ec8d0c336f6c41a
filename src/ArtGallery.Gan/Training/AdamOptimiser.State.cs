using TorchSharp;
using static TorchSharp.torch;

namespace ArtGallery.Gan.Training;

/// <summary>Saving and loading the moments and step counts (checkpoints).</summary>
internal sealed partial class AdamOptimiser
{
    /// <summary>First string of the saved state. TorchSharp's optimisers start with their type name ("Adam") instead.</summary>
    public const string Format = "ArtGallery.Adam/1";

    /// <summary>Writes step counts and moments of every parameter, in parameter order.</summary>
    public void Save(BinaryWriter w)
    {
        w.Write(Format);
        w.Write(parameters.Length);
        for (int i = 0; i < parameters.Length; i++)
        {
            w.Write(steps[i]);
            expAvg[i].Save(w);
            expAvgSq[i].Save(w);
        }
    }

    /// <summary>Reads what <see cref="Save"/> wrote, or the state TorchSharp's <c>Adam.save_state_dict</c> wrote (checkpoints
    /// from before this optimiser): the moments are the same numbers, so an old run resumes where it stopped.</summary>
    public void Load(byte[] state)
    {
        using var r = new BinaryReader(new MemoryStream(state));
        string format = r.ReadString();
        if (format == nameof(TorchSharp.Modules.Adam)) { LoadTorchSharpState(state); return; }
        if (format != Format) throw new InvalidDataException($"Unknown optimiser state '{format}'.");
        int count = r.ReadInt32();
        if (count != parameters.Length) throw new InvalidDataException($"Optimiser state holds {count} parameters, the model has {parameters.Length}.");
        for (int i = 0; i < count; i++)
        {
            steps[i] = r.ReadInt64();
            expAvg[i].Load(r);
            expAvgSq[i].Load(r);
        }
    }

    private void LoadTorchSharpState(byte[] state)
    {
        // TorchSharp's own reader, on a throw-away TorchSharp Adam over the same parameters (it never steps).
        using var legacy = optim.Adam(parameters, LearningRate, beta1, beta2, eps);
        using (var r = new BinaryReader(new MemoryStream(state))) legacy.load_state_dict(r);
        var states = legacy.state_dict().State;
        if (states.Count != parameters.Length) throw new InvalidDataException("Optimiser state does not match the model.");
        using var noGrad = no_grad();
        for (int i = 0; i < states.Count; i++)
        {
            var s = (TorchSharp.Modules.Adam.State)states[i];
            steps[i] = s.step;
            expAvg[i].copy_(s.exp_avg);
            expAvgSq[i].copy_(s.exp_avg_sq);
        }
    }
}
