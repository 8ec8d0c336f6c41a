using Microsoft.AspNetCore.Diagnostics;

namespace ArtGallery.Web.Infrastructure;

/// <summary>Turns malformed-request exceptions (bad form, missing antiforgery token) into 4xx ProblemDetails instead of 500.</summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad) return false;
        http.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = bad.StatusCode, Title = "Bad request", Detail = bad.InnerException is Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException
                ? "The form's antiforgery token is missing or invalid; reload the page and try again." : bad.Message },
        });
    }
}
