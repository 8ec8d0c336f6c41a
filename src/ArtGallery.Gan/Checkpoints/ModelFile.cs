using ArtGallery.Gan.Training;

namespace ArtGallery.Gan.Checkpoints;

/// <summary>The small ".agmodel" format: options, resolution, alpha and the EMA generator only.</summary>
public static class ModelFile
{
    private const string Magic = "AGMD0001";

    /// <summary>Writes a model atomically.</summary>
    public static void Write(string path, ModelBlob model)
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms))
        {
            w.Write(model.OptionsJson);
            w.Write(model.Resolution);
            w.Write(model.Alpha);
            w.Write(model.Weights.Length);
            w.Write(model.Weights);
        }
        HashedFile.Write(path, Magic, ms.ToArray());
    }

    /// <summary>Reads and verifies a model file.</summary>
    public static ModelBlob Read(string path)
    {
        using var r = new BinaryReader(new MemoryStream(HashedFile.Read(path, Magic)));
        var options = r.ReadString();
        int resolution = r.ReadInt32();
        double alpha = r.ReadDouble();
        return new ModelBlob(options, resolution, alpha, r.ReadBytes(r.ReadInt32()));
    }
}
