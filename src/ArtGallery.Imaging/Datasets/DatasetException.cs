namespace ArtGallery.Imaging;

/// <summary>A dataset could not be opened or is unusable; the message is meant for the user.</summary>
public sealed class DatasetException(string message, Exception? inner = null) : Exception(message, inner);
