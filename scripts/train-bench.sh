#!/usr/bin/env bash
# Reproduces the GAN engine's benchmark numbers without the CLI:
#   scripts/train-bench.sh train progan|seed RES STEPS   training img/s + GFLOP/s (2 threads, builtin:abstract)
#   scripts/train-bench.sh rss STEPS                     RSS every 250 steps, progan 32 px, default options
#   scripts/train-bench.sh gen RES COUNT                 ms per image, untrained progan generator at RES
#   scripts/train-bench.sh run progan|seed RES KIMG OUT  a short real run on builtin:abstract (KIMG per phase)
# It builds a throw-away console in a temp folder that references src/ArtGallery.Gan (nothing in the repo changes).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${TMPDIR:-/tmp}/artgallery-train-bench"
mkdir -p "$work/build"
cp "$root/Directory.Packages.props" "$work/"
cp "$root/Directory.Build.targets" "$work/"
cp "$root/build/"*.targets "$work/build/"
cat > "$work/Directory.Build.props" <<'PROPS'
<Project>
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings>
    <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally><TorchBackend>cpu</TorchBackend>
  </PropertyGroup>
</Project>
PROPS
cat > "$work/bench.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType></PropertyGroup>
  <ItemGroup><ProjectReference Include="$root/src/ArtGallery.Gan/ArtGallery.Gan.csproj" /></ItemGroup>
</Project>
PROJ
cat > "$work/Program.cs" <<'CS'
using System.Diagnostics;
using ArtGallery.Gan.Benchmarks;
using ArtGallery.Gan.Sampling;
using ArtGallery.Gan.Training;
using ArtGallery.Imaging;

TorchSharp.torch.set_num_threads(2);
static double RssMb() => double.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS"))
    .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
static IImageDataset Data(int res)
{
    var d = new BuiltinAbstractDataset(256, 0);
    var buf = new float[3 * res * res];
    for (int i = 0; i < d.Count; i++) d.Read(i, res, buf); // warm the cache so painting is not timed
    return d;
}
static string Load() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
switch (args[0])
{
    case "train":
    {
        var recipe = Enum.Parse<GanRecipe>(args[1], true);
        int res = int.Parse(args[2]), steps = int.Parse(args[3]);
        var o = new TrainingOptions { Recipe = recipe, Threads = 2, Device = "cpu" };
        // The seed post follows the DCGAN tutorial's loop; DESIGN.md measured it at batch 64.
        if (recipe == GanRecipe.Seed) o = o with { BatchSizes = new() { [4] = 64 } };
        var r = TrainingBenchmark.Run(o, Data(res), res, steps);
        Console.WriteLine($"{recipe} {res}px batch {r.BatchSize} steps {r.Steps}: {r.ImagesPerSecond:F1} img/s, " +
            $"{r.GflopsPerSecond:F1} GFLOP/s ({r.GflopPerImage:F3} GFLOP/img), load {Load()}");
        break;
    }
    case "rss":
    {
        int steps = int.Parse(args[1]);
        var clock = Stopwatch.StartNew();
        var r = TrainingBenchmark.Run(new TrainingOptions { Threads = 2, Device = "cpu" }, Data(32), 32, steps, s =>
        {
            if (s == 1 || s == 200 || s % 250 == 0) Console.WriteLine($"step {s}: RSS {RssMb():F1} MB ({clock.Elapsed.TotalSeconds:F0} s, load {Load()})");
        });
        Console.WriteLine($"{r.ImagesPerSecond:F1} img/s");
        break;
    }
    case "run":
    {
        var recipe = Enum.Parse<GanRecipe>(args[1], true);
        int res = int.Parse(args[2]);
        var o = new TrainingOptions { Recipe = recipe, MaxResolution = res, KimgPerPhase = double.Parse(args[3]), Threads = 2,
            Device = "cpu", CheckpointKimg = 2, SampleKimg = 2, DiversityKimg = 1 };
        using var trainer = Trainer.Create(o, Data(res), args[4]);
        var final = trainer.Run(new Progress<TrainingProgress>(p =>
        {
            if (p.SampleGridPath is not null)
                Console.WriteLine($"{p.Kimg,6:F1}/{p.TotalKimg:F0} kimg {p.Phase,-9} {p.Resolution,4}px a={p.Alpha:F2} " +
                    $"D {p.LossD:F3} G {p.LossG:F3} {p.ImagesPerSecond:F0} img/s p={p.AugmentP:F3} div={p.Diversity:F2} collapse={p.CollapseWarning}");
        }));
        Console.WriteLine($"done: {final.Kimg:F1} kimg, diversity {final.Diversity:F2}, collapse {final.CollapseWarning}, {final.CheckpointPath}");
        break;
    }
    case "gen":
    {
        int res = int.Parse(args[1]), count = int.Parse(args[2]);
        using var g = ArtGenerator.CreateUntrained(new TrainingOptions { Device = "cpu" }, res);
        Console.WriteLine($"generate {res}px: {GenerationBenchmark.Run(g, count):F2} ms/image, load {Load()}");
        break;
    }
}
CS
dotnet build "$work/bench.csproj" -c Release -o "$work/out" -v q -nologo >/dev/null
exec dotnet "$work/out/bench.dll" "$@"
