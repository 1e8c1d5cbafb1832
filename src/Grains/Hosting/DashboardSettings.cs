using Microsoft.Extensions.Configuration;

namespace Grains.Hosting;

/// <summary>The "Dashboard:Enabled" setting (default true), read the same way by silos, clients and the API's routes.</summary>
public static class DashboardSettings
{
    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue("Dashboard:Enabled", true);
}
