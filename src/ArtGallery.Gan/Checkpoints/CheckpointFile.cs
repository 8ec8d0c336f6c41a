using ArtGallery.Gan.Training;
using ArtGallery.Imaging;

namespace ArtGallery.Gan.Checkpoints;

/// <summary>Reads and writes the ".agck" checkpoint format (one file: networks, optimisers, counters, options, RNG).</summary>
public static class CheckpointFile
{
    private const string Magic = "AGCK0001";

    /// <summary>Serialises a session's full state and writes it atomically to <paramref name="path"/>.</summary>
    internal static void Write(string path, GanSession session)
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(session.Options.ToJson());
            session.Counters.Write(w);
            WriteBlob(w, b => session.G.save(b));
            WriteBlob(w, b => session.Ema.save(b));
            WriteBlob(w, b => session.D.save(b));
            WriteBlob(w, session.OptG.Save);
            WriteBlob(w, session.OptD.Save);
        }
        HashedFile.Write(path, Magic, ms.ToArray(), FaultPoint.CheckpointTempWritten);
        FaultPoint.Reach(FaultPoint.CheckpointWritten, path);
    }

    /// <summary>Reads and verifies a checkpoint; throws <see cref="InvalidDataException"/> when it is damaged.</summary>
    public static CheckpointData Read(string path)
    {
        var payload = HashedFile.Read(path, Magic);
        using var r = new BinaryReader(new MemoryStream(payload));
        var options = r.ReadString();
        var counters = TrainingCounters.Read(r);
        return new CheckpointData(path, options, counters, ReadBlob(r), ReadBlob(r), ReadBlob(r), ReadBlob(r), ReadBlob(r));
    }

    private static void WriteBlob(BinaryWriter w, Action<BinaryWriter> save)
    {
        using var ms = new MemoryStream();
        using (var inner = new BinaryWriter(ms, System.Text.Encoding.UTF8, leaveOpen: true)) save(inner);
        w.Write(ms.Length > int.MaxValue ? throw new InvalidDataException("State too large.") : (int)ms.Length);
        w.Write(ms.GetBuffer(), 0, (int)ms.Length);
    }

    private static byte[] ReadBlob(BinaryReader r) => r.ReadBytes(r.ReadInt32());
}
