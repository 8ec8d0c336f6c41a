using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;
using Microsoft.Extensions.Options;

namespace ArtGallery.Web.Infrastructure;

/// <summary>
/// <c>ArtGallery:ForwardedHeaders</c>: the reverse proxies whose <c>X-Forwarded-For</c>, <c>-Proto</c> and <c>-Host</c> the app
/// believes, so that behind a TLS proxy the request is https (Secure cookies), the client address is the visitor's (the
/// sign-in limiter's buckets) and the origin is the public one (<see cref="Accounts.SameOriginCheck"/>). Empty or "off"
/// (default): headers ignored; "loopback": a proxy on this machine; "any": every sender (only when nothing but the proxy
/// can reach the app); addresses and networks ("10.0.0.5, 172.16.0.0/12"); or a comma-separated mix of these.
/// Only the nearest proxy's entry is taken (ForwardLimit 1).
/// </summary>
public static class ForwardedProxies
{
    /// <summary>Parses the setting: null when forwarded headers are off; false with a message for a bad entry.</summary>
    public static bool TryParse(string? text, out IReadOnlyList<IPNetwork>? networks, out string? error)
    {
        (networks, error) = (null, null);
        var value = text?.Trim() ?? "";
        if (value.Length == 0 || value.Equals("off", StringComparison.OrdinalIgnoreCase)) return true;
        var list = new List<IPNetwork>();
        foreach (var entry in value.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (entry.Equals("loopback", StringComparison.OrdinalIgnoreCase)) list.AddRange([IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")]);
            else if (entry.Equals("any", StringComparison.OrdinalIgnoreCase)) list.AddRange([IPNetwork.Parse("0.0.0.0/0"), IPNetwork.Parse("::/0")]);
            else if (IPNetwork.TryParse(entry, out var network)) list.Add(network);
            else if (IPAddress.TryParse(entry, out var address)) list.Add(new IPNetwork(address, address.GetAddressBytes().Length * 8));
            else
            {
                error = $"ArtGallery:ForwardedHeaders: '{entry}' is not an IP address or network; use off, loopback, any, or addresses such as 10.0.0.5, 172.16.0.0/12.";
                return false;
            }
        }
        networks = list;
        return true;
    }

    /// <summary>Configures the forwarded-headers middleware (which <c>MapArtGallery</c> always runs first) from the setting.</summary>
    public static WebApplicationBuilder AddForwardedProxies(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ArtGalleryOptions>>((o, settings) =>
        {
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            if (!TryParse(settings.Value.ForwardedHeaders, out var networks, out _) || networks is null)
            {
                o.ForwardedHeaders = ForwardedHeaders.None;
                return;
            }
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var network in networks) o.KnownIPNetworks.Add(network);
        });
        return builder;
    }
}

/// <summary>Validates <see cref="ArtGalleryOptions.ForwardedHeaders"/> at start, with the entry that is wrong.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ProxyListAttribute : ValidationAttribute
{
    /// <inheritdoc />
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        ForwardedProxies.TryParse(value as string, out _, out var error) ? ValidationResult.Success
            : new ValidationResult(error, validationContext.MemberName is { } member ? [member] : null);
}
