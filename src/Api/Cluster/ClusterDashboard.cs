using Api.Auth;
using Grains.Hosting;
using Orleans.Dashboard;

namespace Api.Cluster;

public static class ClusterDashboard
{
    public const string Path = "/dashboard";

    /// <summary>
    /// The Orleans Dashboard for operators at /dashboard: open in Development (./run.sh), for the
    /// admin role everywhere else. An operator's page and its data calls, not part of the API: left
    /// out of the OpenAPI document. Not mapped at all when Dashboard:Enabled is false.
    /// </summary>
    public static WebApplication MapClusterDashboard(this WebApplication app)
    {
        if (!DashboardSettings.IsEnabled(app.Configuration)) return app;
        var dashboard = app.MapOrleansDashboard(routePrefix: Path).ExcludeFromDescription();
        if (!app.Environment.IsDevelopment()) dashboard.RequireAuthorization(Policies.Admin);
        return app;
    }
}
