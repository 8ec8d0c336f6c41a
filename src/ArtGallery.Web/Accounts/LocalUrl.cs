namespace ArtGallery.Web.Accounts;

/// <summary>
/// The one check for return URLs. Accepts what <c>LocalRedirect</c> accepts (IUrlHelper.IsLocalUrl: "/" or "/path",
/// never "//host" or "/\host", no control characters) and, stricter, only printable ASCII, so the Location header
/// can always be written (Kestrel refuses U+00A0, U+2028 and other non-ASCII there). Anything else becomes "/".
/// </summary>
public static class LocalUrl
{
    /// <summary>Longest return URL kept.</summary>
    public const int MaxLength = 512;

    /// <summary>True when <paramref name="url"/> is a local path that a redirect can carry unchanged.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.Length <= MaxLength && url[0] == '/'
        && (url.Length == 1 || url[1] is not ('/' or '\\'))
        && url.All(ch => ch is > ' ' and < '\u007f');

    /// <summary><paramref name="url"/> when local, otherwise "/".</summary>
    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";
}
