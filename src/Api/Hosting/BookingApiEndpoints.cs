using Api.Analytics;
using Api.Attendees;
using Api.Auth;
using Api.Browser;
using Api.Bookings;
using Api.Catalogue;
using Api.CheckIns;
using Api.Cluster;
using Api.Emails;
using Api.Events;
using Api.Holds;
using Api.Problems;
using Api.RateLimits;
using Api.Tickets;
using Api.Tracking;
using Api.Users;
using Api.Venues;
using Api.Waitlist;
using Grains.Hosting;
using Microsoft.Extensions.Options;

namespace Api.Hosting;

public static class BookingApiEndpoints
{
    public const string OpenApiPath = "/openapi/v1.json";

    public static WebApplication UseBookingApi(this WebApplication app)
    {
        app.UseClientAddress();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();

        // Empty error answers (401, 403, 404 of unknown routes, 405, 415) get a problem body too.
        app.UseStatusCodePages();
        app.UseRequestBodyLimit();

        // Branched so the hot API paths skip the UI's path matching.
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/swagger"),
            swagger => swagger.UseSwaggerUI(o =>
            {
                o.SwaggerEndpoint(OpenApiPath, "Booking API v1");
                o.RoutePrefix = "swagger";
            }));
        app.UseBrowserAccess();
        app.UseAuthentication();
        app.UseBookingRateLimits();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Health, OpenAPI and the development issuer are anonymous; every resource requires a bearer token.</summary>
    public static WebApplication MapBookingApi(this WebApplication app)
    {
        app.MapOpenApi(OpenApiPath).AllowAnonymous();
        app.MapHealthEndpoints();
        if (app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.DevTokens.Enabled) app.MapDevTokenApi();

        var api = app.MapGroup("").RequireAuthorization();
        api.MapVenuesApi();
        api.MapEventsApi();
        api.MapCatalogueApi();
        api.MapAttendeesApi();
        api.MapHoldsApi();
        api.MapBookingsApi();
        api.MapTicketsApi();
        api.MapCheckInsApi();
        api.MapWaitlistApi();
        api.MapMyBookingsApi();
        api.MapClusterApi();
        api.MapUsersApi();
        api.MapEmailsApi();
        api.MapTrackingApi();
        api.MapAnalyticsApi();
        app.MapClusterDashboard();
        return app;
    }
}
