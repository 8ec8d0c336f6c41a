using System.Security.Cryptography;
using System.Text;

namespace ArtGallery.Gan.Checkpoints;

/// <summary>A file of magic + length + SHA-256 + payload, written atomically (temp name, fsync, rename).</summary>
internal static class HashedFile
{
    /// <summary>Writes <paramref name="payload"/> to a temp file next to <paramref name="path"/>, flushes to disk, then renames
    /// (<paramref name="pauseAt"/>: the test-only fault point in between, see AtomicFile).</summary>
    public static void Write(string path, string magic, byte[] payload, string? pauseAt = null)
    {
        // A dot-prefixed .tmp name never matches the loaders' "ckpt-*.agck" / "*.agmodel" patterns.
        Imaging.AtomicFile.Write(path, fs =>
        {
            using var w = new BinaryWriter(fs, Encoding.ASCII, leaveOpen: true);
            w.Write(Encoding.ASCII.GetBytes(magic));
            w.Write((long)payload.Length);
            w.Write(SHA256.HashData(payload));
            w.Write(payload);
        }, pauseAt);
    }

    /// <summary>Reads and verifies a file; throws <see cref="InvalidDataException"/> if truncated, corrupt or of another kind.</summary>
    public static byte[] Read(string path, string magic)
    {
        using var fs = File.OpenRead(path);
        using var r = new BinaryReader(fs);
        try
        {
            if (Encoding.ASCII.GetString(r.ReadBytes(magic.Length)) != magic) throw new InvalidDataException($"{path}: not a {magic} file.");
            long length = r.ReadInt64();
            if (length < 0 || length != fs.Length - fs.Position - 32) throw new InvalidDataException($"{path}: truncated or padded.");
            if (length > Array.MaxLength) throw new InvalidDataException($"{path}: {length:N0} bytes, more than one file of this kind can hold.");
            var hash = r.ReadBytes(32);
            var payload = r.ReadBytes((int)length);
            if (!SHA256.HashData(payload).AsSpan().SequenceEqual(hash)) throw new InvalidDataException($"{path}: checksum mismatch.");
            return payload;
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{path}: truncated.", e);
        }
    }
}
