using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Grains.Hosting;

/// <summary>
/// Reads an options section while the host is being built (ports, cluster ids and the mode decide
/// what gets registered), validated by its data annotations at once, so a bad value stops start-up
/// with the section's name instead of surfacing later as a bind or socket error.
/// </summary>
public static class ValidatedSection
{
    public static T Get<T>(IConfiguration configuration, string section) where T : class, new()
    {
        var options = configuration.GetSection(section).Get<T>() ?? new T();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            throw new InvalidOperationException($"Configuration section '{section}' is invalid: {string.Join("; ", results.Select(r => r.ErrorMessage))}");
        }

        return options;
    }
}
