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

    /// <summary>
    /// Reads what <see cref="Save"/> wrote for a network whose parameters each had this shape or fewer inputs (dim 1: a
    /// condition that grew longer): their moments fill the leading inputs and the new inputs' start at zero, as their
    /// weights do, so the taken-over run steps on as it did. False, with nothing loaded, when a parameter changed otherwise
    /// (widened channels, whose copies get fresh moments).
    /// </summary>
    public bool TryLoadGrown(byte[] state)
    {
        using var r = new BinaryReader(new MemoryStream(state));
        if (r.ReadString() != Format || r.ReadInt32() != parameters.Length) return false;
        using var scope = NewDisposeScope();
        var read = new (long Step, Tensor Avg, Tensor AvgSq)[parameters.Length];
        for (int i = 0; i < parameters.Length; i++)
        {
            read[i] = (r.ReadInt64(), TensorExtensionMethods.Load(r), TensorExtensionMethods.Load(r));
            if (!FitsInputsOf(read[i].Avg.shape, parameters[i].shape)) return false;
        }
        using var noGrad = no_grad();
        for (int i = 0; i < parameters.Length; i++)
        {
            steps[i] = read[i].Step;
            foreach (var (from, to) in new[] { (read[i].Avg, expAvg[i]), (read[i].AvgSq, expAvgSq[i]) })
            {
                to.zero_();
                (to.dim() < 2 ? to : to.narrow(1, 0, from.shape[1])).copy_(from);
            }
        }
        return true;
    }

    private static bool FitsInputsOf(long[] saved, long[] now) =>
        saved.Length == now.Length && Enumerable.Range(0, now.Length).All(d => d == 1 ? saved[d] <= now[d] : saved[d] == now[d]);

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
