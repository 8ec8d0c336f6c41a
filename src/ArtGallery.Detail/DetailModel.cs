using ArtGallery.Detail.Network;
using ArtGallery.Gan.Checkpoints;
using TorchSharp;
using static TorchSharp.torch;

namespace ArtGallery.Detail;

/// <summary>
/// A trained x4 detail model (.agdetail = magic AGDT0001 + length + SHA-256 + header JSON + weights of each pass's net,
/// <see cref="DetailModelInfo"/>). Upscales in overlapping tiles so memory stays bounded at any size; thread-safe (one pass at a time).
/// </summary>
public sealed partial class DetailModel : IDisposable
{
    /// <summary>File extension.</summary>
    public const string Extension = ".agdetail";

    private const string Magic = "AGDT0001";
    private readonly DetailNet[] nets;
    private readonly Device device;
    private readonly Lock gate = new();

    internal DetailModel(IReadOnlyList<DetailNet> nets, DetailModelInfo info, Device device, string? id = null)
    {
        (this.nets, Info, this.device) = ([.. nets], info, device);
        foreach (var net in this.nets) net.eval();
        Id = id ?? Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Payload())).ToLowerInvariant()[..12];
    }

    /// <summary>Header: generator resolution, architecture, degradation, training.</summary>
    public DetailModelInfo Info { get; }

    /// <summary>Short content hash (names the model in print tEXt).</summary>
    public string Id { get; }

    /// <summary>The nets, pass 1 first, for a trainer building on this model (which then owns them).</summary>
    internal IReadOnlyList<DetailNet> Nets => nets;

    /// <summary>The net that runs pass <paramref name="pass"/> (1-based): its own, or the last one the file has.</summary>
    internal DetailNet NetFor(int pass) => pass >= 1 ? nets[Math.Min(pass, nets.Length) - 1]
        : throw new ArgumentOutOfRangeException(nameof(pass), pass, "Passes are numbered from 1.");

    /// <summary>Learned weights (all passes).</summary>
    public long ParameterCount => nets.Sum(n => n.ParameterCount);

    /// <summary>Multiply-adds per input pixel of the first x4 pass.</summary>
    public long MultiplyAddsPerInputPixel => nets[0].MultiplyAddsPerInputPixel;

    /// <summary>
    /// Largest core tile side in input pixels (each tile also reads <see cref="Margin"/> pixels of context around it).
    /// 288: a 12x15 print's last pass is 3x4 tiles of ~312x296 px with context (~100 MB per feature map at 4x).
    /// </summary>
    public int TileSize { get; private set; } = 288;

    /// <summary>Sets <see cref="TileSize"/> (bigger tiles: less overlap work, more memory per tile); returns this model.</summary>
    public DetailModel WithTileSize(int tileSize)
    {
        TileSize = tileSize >= 4 ? tileSize : throw new ArgumentOutOfRangeException(nameof(tileSize), tileSize, "Tiles must be at least 4 pixels.");
        return this;
    }

    /// <summary>Context read around each tile: the receptive radius, so tiles agree with an untiled pass.</summary>
    public int Margin => nets.Max(n => n.ReceptiveRadius) + 1;

    /// <summary>Where the detail model of a generator lives: next to its .agmodel/.agck with this extension, or detail.agdetail in a run folder.</summary>
    public static string PathFor(string generatorPath) =>
        Directory.Exists(generatorPath) ? Path.Combine(generatorPath, "detail" + Extension) : Path.ChangeExtension(generatorPath, Extension);

    /// <summary>The bundled default detail model (models/default.agdetail next to the app).</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "models", "default" + Extension);

    /// <summary>
    /// Loads and verifies a .agdetail file. The header is bounded (<see cref="DetailModelInfo"/>) and must describe no more
    /// weights than the file holds before a net is built; a damaged, hostile or foreign file throws
    /// <see cref="InvalidDataException"/> ("damaged model file: PATH: why"), never a libtorch error.
    /// </summary>
    public static DetailModel Load(string path, Device? device = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Detail model {path} does not exist.", path);
        var payload = ModelFile.ReadVerified(path, Magic);
        using var r = new BinaryReader(new MemoryStream(payload));
        DetailModelInfo info;
        try { info = DetailModelInfo.FromJson(r.ReadString(), path); }
        catch (Exception e) when (ModelFile.IsLayoutError(e)) { throw ModelFile.Damaged(path, e); }
        long weights = info.Nets.Sum(n => DetailNet.WeightsAtLeast(n.Channels, n.Blocks, n.Conditions)), held = payload.Length - r.BaseStream.Position;
        if (weights * 4 > held)
            throw new InvalidDataException(FormattableString.Invariant(
                $"damaged model file: {path}: its header describes at least {weights:N0} weights ({weights * 4:N0} bytes) but it holds {held:N0} bytes."));
        var nets = new List<DetailNet>();
        var picked = device ?? Gan.DeviceSelector.Pick("auto");
        foreach (var (pass, i) in info.Nets.Select((p, i) => (p, i + 1)))
        {
            var net = new DetailNet(pass.Channels, pass.Blocks, pass.Conditions);
            nets.Add(net);
            try
            {
                net.load(r, strict: true);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                foreach (var n in nets) n.Dispose();
                throw new InvalidDataException(
                    $"damaged model file: {path}: its weights do not match its header (pass {i}: {pass.Channels} channels, {pass.Blocks} blocks).", ex);
            }
            net.to(picked);
        }
        return new DetailModel(nets, info, picked, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(payload)).ToLowerInvariant()[..12]);
    }

    /// <summary>Writes the model atomically.</summary>
    public void Save(string path) => HashedFile.Write(path, Magic, Payload());

    /// <summary>This model's weights with the id of the generator it was calibrated on recorded in the header, and that
    /// generator's degradation when given (this instance is consumed).</summary>
    public DetailModel WithGenerator(string generatorModelId, Training.DegradationProfile? profile = null) =>
        new(nets, Info with { GeneratorModelId = generatorModelId, Profile = profile ?? Info.Profile }, device);

    /// <summary>Throws a clear error unless this model was made for samples of <paramref name="resolution"/> px.</summary>
    public void EnsureServes(int resolution)
    {
        if (resolution != Info.GeneratorResolution)
            throw new InvalidDataException($"Detail model {Id} was made for {Info.GeneratorResolution} px generator samples, not {resolution} px; " +
                $"train one for this model (artgallery detail train --for ...).");
    }

    private byte[] Payload()
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms))
        {
            w.Write(Info.ToJson());
            lock (gate) foreach (var net in nets) net.save(w);
        }
        return ms.ToArray();
    }

    /// <summary>Frees the native weights.</summary>
    public void Dispose()
    {
        foreach (var net in nets) net.Dispose();
    }
}
