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

    /// <summary>Reads and verifies a model file, bounded by <see cref="ModelLimits"/>; a damaged one throws
    /// <see cref="InvalidDataException"/> ("damaged model file: PATH: why").</summary>
    public static ModelBlob Read(string path)
    {
        ModelBlob model;
        var payload = ReadVerified(path, Magic);
        try
        {
            using var r = new BinaryReader(new MemoryStream(payload));
            var options = r.ReadString();
            int resolution = r.ReadInt32();
            double alpha = r.ReadDouble();
            model = new ModelBlob(options, resolution, alpha, r.ReadBytes(r.ReadInt32()));
        }
        catch (Exception e) when (IsLayoutError(e)) { throw Damaged(path, e); }
        ModelLimits.Check(model, path);
        return model;
    }

    /// <summary><see cref="HashedFile.Read"/> for model files: its refusals (truncated, checksum, another kind) start "damaged model file: ".</summary>
    internal static byte[] ReadVerified(string path, string magic)
    {
        try { return HashedFile.Read(path, magic); }
        catch (InvalidDataException e) { throw new InvalidDataException("damaged model file: " + e.Message, e); }
    }

    /// <summary>True for what reading a file whose fields end early or hold nonsense lengths throws.</summary>
    internal static bool IsLayoutError(Exception e) => e is EndOfStreamException or ArgumentOutOfRangeException or FormatException;

    /// <summary>The error for a file whose fields do not parse.</summary>
    internal static InvalidDataException Damaged(string path, Exception e) =>
        new($"damaged model file: {path}: its contents end early or hold impossible lengths.", e);
}
