namespace ArtGallery.Gan.Conditioning;

/// <summary>How an artwork seed picks the collection picture it draws around.</summary>
public enum CollectionSeedOrder
{
    /// <summary>Each seed independently (a hash of the seed): 500 consecutive seeds of a 1,000-picture collection drew
    /// about a third of their pictures more than once, so a gallery page could show two variations of one picture.
    /// Models trained before <see cref="Shuffled"/> existed keep it, so their URLs keep their pictures.</summary>
    Hashed,

    /// <summary>Seeds walk a fixed shuffle of the collection: any N consecutive seeds (N up to the collection's size) draw
    /// N different pictures, and every picture once per lap.</summary>
    Shuffled,
}
