using System.Text.RegularExpressions;
using Api.Problems;
using Grains.Abstractions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Tracking;

/// <summary>
/// Email open tracking, anonymous because mail clients fetch it: the pixel marks a sent email
/// OPENED once and always answers the same 1x1 GIF (also for unknown ids, so ids cannot be probed).
/// </summary>
public static partial class TrackingApi
{
    /// <summary>A transparent 1x1 GIF.</summary>
    public static readonly byte[] Pixel = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    public static RouteGroupBuilder MapTrackingApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/track").WithTags("Tracking").AllowAnonymous();
        group.MapGet("/open", TrackOpen).WithName("TrackOpen");
        group.MapGet("/status/{emailId}", GetStatus).WithName("GetEmailStatus");
        return group;
    }

    internal static async Task<FileContentHttpResult> TrackOpen(string? emailId, HttpContext http, IGrainFactory grains, ILogger<EmailTrackingStatus> logger)
    {
        http.Response.Headers.CacheControl = "no-store, no-cache, must-revalidate, max-age=0";
        if (emailId is not null && IsEmailId(emailId))
        {
            try
            {
                await GrainCall.Retry(() => grains.GetGrain<IEmailGrain>(emailId).MarkOpened());
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The reader still gets the pixel; a later fetch marks the open.
                logger.LogWarning(e, "Open of email {EmailId} not recorded", emailId);
            }
        }

        return TypedResults.File(Pixel, "image/gif");
    }

    internal static async Task<Results<Ok<EmailTrackingStatus>, ProblemHttpResult>> GetStatus(string emailId, IGrainFactory grains)
    {
        var view = IsEmailId(emailId) ? await GrainCall.Retry(() => grains.GetGrain<IEmailGrain>(emailId).GetStatus()) : null;
        return view is null
            ? ApiProblems.NotFound("Email not found", $"There is no email '{emailId}'.")
            : TypedResults.Ok(new EmailTrackingStatus(view.EmailId, view.Status, view.CreatedAt, view.SentAt, view.OpenedAt, view.FailedAt));
    }

    /// <summary>Email ids are "booking-{bookingId}" or "campaign-{campaign}-{user}": anything else would only activate an empty grain.</summary>
    private static bool IsEmailId(string value) => EmailIdPattern().IsMatch(value);

    [GeneratedRegex("^(booking|campaign)-[A-Za-z0-9._:@-]{1,300}$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailIdPattern();
}
