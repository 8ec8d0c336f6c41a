using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ArtGallery.Imaging.Tests;

/// <summary>Issue 24 item 11: a folder dataset keeps small masters, not 1024 px ones (1,000 images cost 1.4 GB of RSS before).</summary>
public class DatasetMemoryTests
{
    [Fact]
    public void FolderOfLargeImages_KeepsSmallMasters_LargerResolutionsReadFromTheFile()
    {
        using var dir = new TempDir();
        for (int i = 0; i < 6; i++) dir.File($"p{i}.png", TestImages.Png(600, 512, seed: i));
        var (dataset, report) = DatasetSource.Open(dir.Path);
        Assert.Equal(6, report.Accepted);
        var user = Assert.IsType<UserImageDataset>(dataset);
        Assert.Equal(6L * 128 * 128 * 3, user.MasterBytes); // was 6 x 512 x 512 x 3 (1024 px for larger files)

        // Above the master's size the file is read again: a 256 px plane is as sharp as one made from the source.
        var plane = new float[3 * 256 * 256];
        dataset.Read(2, 256, plane);
        using var source = Image.Load<Rgb24>(TestImages.Png(600, 512, seed: 2));
        source.Mutate(x => x.Crop(new Rectangle(44, 0, 512, 512)).Resize(256, 256, KnownResamplers.Lanczos3));
        var expected = new float[plane.Length];
        PlanarRgb.FromImage(source, expected);
        Assert.Equal(expected.Length, plane.Length);
        Assert.True(expected.Zip(plane).Max(p => Math.Abs(p.First - p.Second)) < 0.02f);
    }
}
