using System.Globalization;
using ArtGallery.Imaging;

namespace ArtGallery.Cli.Commands;

/// <summary>artgallery generate: PNGs from a checkpoint's EMA generator, one per seed, at the checkpoint's resolution.</summary>
public sealed class GenerateCommand : ICliCommand
{
    public string Verb => "generate";
    public string Usage => $"generate --checkpoint {CheckpointOption.Help} --count N --out DIR [--seed S] [--truncation PSI] [--palette HEX-HEX-...] [--like N]";

    public int Run(CliArgs args, CliContext context)
    {
        int count = args.Int("count", 0, 1, 100_000);
        if (count == 0) throw new CliException("--count is required");
        string outDir = args.Required("out");
        long firstSeed = args.Long("seed", 0, 0, long.MaxValue - 100_000);
        float psi = (float)args.Double("truncation", 1, 0, 2);
        var palette = args.Optional("palette") is { } hex ? ParsePalette(hex) : null;
        int? like = args.Optional("like") is { } n ? args.Int("like", 0, 0, int.MaxValue) : null;
        string checkpoint = CheckpointOption.Path(args);
        args.EnsureAllUsed();
        using var generator = CheckpointOption.Load(checkpoint);
        if ((palette is not null || like is not null) && generator.Collection is null)
            throw new CliException("--palette and --like need a model trained with the conditioned recipe");
        if (like is int index && index >= generator.Collection!.Count) throw new CliException($"--like must be 0..{generator.Collection.Count - 1}");

        Directory.CreateDirectory(outDir);
        int res = generator.Resolution;
        const int batch = 16;
        for (int start = 0; start < count; start += batch)
        {
            context.Cancel.ThrowIfCancellationRequested();
            var seeds = Enumerable.Range(start, Math.Min(batch, count - start)).Select(i => firstSeed + i).ToList();
            var images = generator.RenderBatch([.. seeds.Select(seed => generator.LatentFor(seed, like))], psi, palette: palette);
            for (int i = 0; i < seeds.Count; i++)
            {
                using var image = PlanarRgb.ToImage(images[i], res, res);
                var text = new Dictionary<string, string>
                {
                    ["model"] = generator.ModelId,
                    ["seed"] = seeds[i].ToString(CultureInfo.InvariantCulture),
                    ["truncation"] = psi.ToString(CultureInfo.InvariantCulture),
                };
                File.WriteAllBytes(Path.Combine(outDir, $"seed-{seeds[i]:D6}.png"), PngExport.Encode(image, null, text));
            }
        }
        context.Out.WriteLine($"wrote {count} PNGs at {res}x{res} (model {generator.ModelId}, seeds {firstSeed}..{firstSeed + count - 1}, truncation {psi}) to {outDir}");
        return 0;
    }

    private static List<(float R, float G, float B)> ParsePalette(string text) =>
        Gan.Conditioning.PaletteText.TryParse(text, out var colours, out var problem) ? colours : throw new CliException($"--palette: {problem}");
}
