using ArtGallery.Gan.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ArtGallery.Gan.Tests;

/// <summary>The project's Adam against TorchSharp's (same arithmetic, so bit-identical), and its saved state.</summary>
[Collection("Sequential")]
public class AdamOptimiserTests
{
    private static (Parameter[] Params, Tensor Input) Problem(int seed)
    {
        manual_seed(seed);
        var ps = new[] { new Parameter(randn(6, 5)), new Parameter(randn(6)), new Parameter(randn(3, 3)) };
        return (ps, randn(4, 5));
    }

    // Some loss of all three parameters; the third only gets a gradient on even steps (per-parameter step counts).
    private static void Backward(Parameter[] ps, Tensor input, int step)
    {
        using var scope = NewDisposeScope();
        var loss = input.matmul(ps[0].T).add(ps[1], Scalars.One).tanh().sum();
        if (step % 2 == 0) loss = loss.add(ps[2].pow(Scalars.Two).sum(), Scalars.One);
        loss.backward();
    }

    [Theory]
    [InlineData(0.002, 0.0, 0.99)]
    [InlineData(2e-4, 0.5, 0.999)]
    public void Step_MatchesTorchSharpAdamBitForBit(double lr, double beta1, double beta2)
    {
        var (mine, input) = Problem(3);
        var (theirs, _) = Problem(3);
        using var ours = new AdamOptimiser(mine, lr, beta1, beta2, 1e-8);
        using var reference = optim.Adam(theirs, lr, beta1, beta2, 1e-8);
        for (int step = 0; step < 25; step++)
        {
            ours.zero_grad(); Backward(mine, input, step); ours.step();
            reference.zero_grad(); Backward(theirs, input, step); reference.step();
        }
        for (int i = 0; i < mine.Length; i++)
            Assert.Equal(theirs[i].data<float>().ToArray(), mine[i].data<float>().ToArray());
    }

    [Fact]
    public void Load_TorchSharpAdamState_ContinuesAsTorchSharpWould()
    {
        // Checkpoints written before this optimiser hold TorchSharp's Adam state.
        var (mine, input) = Problem(5);
        var (theirs, _) = Problem(5);
        using var reference = optim.Adam(theirs, 0.002, 0, 0.99, 1e-8);
        for (int step = 0; step < 5; step++) { reference.zero_grad(); Backward(theirs, input, step); reference.step(); }
        using (no_grad()) for (int i = 0; i < mine.Length; i++) mine[i].copy_(theirs[i]);
        using var ours = new AdamOptimiser(mine, 0.002, 0, 0.99, 1e-8);
        Backward(mine, input, 0); // gradients exist (zeroed below) as in the reference, so the third one steps on odd steps too
        ours.Load(Saved(reference.save_state_dict));
        for (int step = 5; step < 10; step++)
        {
            ours.zero_grad(); Backward(mine, input, step); ours.step();
            reference.zero_grad(); Backward(theirs, input, step); reference.step();
        }
        for (int i = 0; i < mine.Length; i++)
            Assert.Equal(theirs[i].data<float>().ToArray(), mine[i].data<float>().ToArray());
    }

    [Fact]
    public void SaveLoad_RoundTrip_SameBytes_AndWrongStateRefused()
    {
        var (ps, input) = Problem(9);
        using var adam = new AdamOptimiser(ps, 0.002, 0, 0.99, 1e-8);
        for (int step = 0; step < 3; step++) { adam.zero_grad(); Backward(ps, input, step); adam.step(); }
        var saved = Saved(adam.Save);
        using var copy = new AdamOptimiser(ps, 0.002, 0, 0.99, 1e-8);
        copy.Load(saved);
        Assert.Equal(saved, Saved(copy.Save));

        using var smaller = new AdamOptimiser(ps.Take(2), 0.002, 0, 0.99, 1e-8);
        Assert.Throws<InvalidDataException>(() => smaller.Load(saved));
        Assert.Throws<InvalidDataException>(() => smaller.Load(Saved(w => w.Write("SGD"))));
    }

    private static byte[] Saved(Action<BinaryWriter> save)
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, System.Text.Encoding.UTF8, leaveOpen: true)) save(w);
        return ms.ToArray();
    }
}
