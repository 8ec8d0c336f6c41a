using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ArtGallery.Gan.Recipes.Dcgan;

/// <summary>The PyTorch DCGAN tutorial's weights_init, which the seed post borrows: conv N(0, 0.02), BN weight N(1, 0.02), bias 0.</summary>
internal static class DcganInit
{
    public static void Apply(nn.Module module)
    {
        using var noGrad = no_grad();
        foreach (var (_, child) in module.named_modules())
        {
            switch (child)
            {
                case Conv2d c: nn.init.normal_(c.weight!, 0, 0.02); break;
                case ConvTranspose2d t: nn.init.normal_(t.weight!, 0, 0.02); break;
                case BatchNorm2d b:
                    nn.init.normal_(b.weight!, 1, 0.02);
                    nn.init.zeros_(b.bias!);
                    break;
            }
        }
    }
}
