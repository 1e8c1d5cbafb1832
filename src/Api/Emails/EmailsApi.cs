using System.Security.Claims;
using Api.Auth;
using Api.Problems;
using Api.Requests;
using Grains.Abstractions;
using Grains.Email;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Emails;

/// <summary>
/// Campaigns (organizers and admins): accepted at once (202) and sent in the background by a
/// campaign grain whose progress GET /emails/campaigns/{id} reports; an Idempotency-Key makes a
/// retried request return the same campaign. Email statistics over all emails.
/// </summary>
public static class EmailsApi
{
    public const int MaxRecipients = 5_000;

    public static RouteGroupBuilder MapEmailsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/emails").WithTags("Emails").RequireAuthorization(Policies.Organizer);
        group.MapPost("/send", SendEmails).WithBodyLimit(BodyLimits.Campaign).WithName("SendEmails");
        group.MapPost("/send-filtered", SendFilteredEmails).WithBodyLimit(BodyLimits.Campaign).WithName("SendFilteredEmails");
        group.MapGet("/campaigns/{campaignId}", GetCampaign).WithName("GetCampaign");
        group.MapGet("/stats", GetEmailStats).WithName("GetEmailStats");
        return group;
    }

    internal static async Task<Results<Accepted<CampaignView>, Ok<CampaignView>, ValidationProblem, ProblemHttpResult>> SendEmails(
        SendEmailsRequest? request, ClaimsPrincipal user, HttpContext http, IGrainFactory grains)
    {
        if (ApiProblems.Check(request) is { } invalid) return invalid;
        return await StartAsync(request!.ToCommand(user.ToCaller()), http, grains);
    }

    internal static async Task<Results<Accepted<CampaignView>, Ok<CampaignView>, ValidationProblem, ProblemHttpResult>> SendFilteredEmails(
        SendFilteredEmailsRequest? request, ClaimsPrincipal user, HttpContext http, IGrainFactory grains)
    {
        if (ApiProblems.Check(request) is { } invalid) return invalid;
        return await StartAsync(request!.ToCommand(user.ToCaller()), http, grains);
    }

    internal static async Task<Results<Ok<CampaignView>, ProblemHttpResult>> GetCampaign(string campaignId, IGrainFactory grains)
    {
        if (!Fields.IsUserId(campaignId)) return CampaignNotFound(campaignId);
        var view = await GrainCall.Retry(() => grains.GetGrain<ICampaignGrain>(campaignId).Get());
        return view is null ? CampaignNotFound(campaignId) : TypedResults.Ok(view);
    }

    internal static async Task<Ok<EmailStats>> GetEmailStats(EmailTrackingStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.GetStatsAsync(cancellationToken));

    internal static void ValidateContent(ValidationErrors errors, string? subject, string? message)
    {
        Fields.Text(errors, "subject", subject, CampaignGrain.MaxSubjectLength, required: true);
        Fields.Text(errors, "message", message, CampaignGrain.MaxMessageLength, required: true);
    }

    private static async Task<Results<Accepted<CampaignView>, Ok<CampaignView>, ValidationProblem, ProblemHttpResult>> StartAsync(
        StartCampaign command, HttpContext http, IGrainFactory grains)
    {
        if (!IdempotencyKeys.TryReadKey(http, out var key, out var badKey)) return badKey!;
        var campaignId = key is null ? Guid.NewGuid().ToString("N") : IdempotencyKeys.DeriveId("campaign", $"{command.RequestedBy}/{key}");
        var outcome = await GrainCall.Retry(() => grains.GetGrain<ICampaignGrain>(campaignId).Start(command));
        if (outcome.Failure is { } failure) return failure.ToProblem();
        return outcome.Created ? TypedResults.Accepted($"/emails/campaigns/{campaignId}", outcome.Value!) : TypedResults.Ok(outcome.Value!);
    }

    private static ProblemHttpResult CampaignNotFound(string campaignId) => ApiProblems.NotFound("Campaign not found", $"There is no campaign '{campaignId}'.");
}
