using Microsoft.Extensions.Configuration;

namespace Cherry;

/// <summary>How start-up names where a configured key came from, so an error points at the line or source to change.</summary>
internal static class ConfigOrigin
{
    /// <summary><c>options.Set</c> or <c>CherryConfig.Set</c> in the app's code.</summary>
    public const string Code = "Set in code";

    public static string IniLine(string file, int line) => $"{file}, line {line}";

    /// <summary>
    /// The configuration provider that gave the key at <paramref name="path"/>: the last one that has it wins, as
    /// <see cref="IConfiguration"/> reads it (<c>JsonConfigurationProvider for 'appsettings.json'</c>, the environment
    /// variables, the command line).
    /// </summary>
    public static string Provider(IConfigurationRoot? root, string path) =>
        root?.Providers.LastOrDefault(p => p.TryGet(path, out _))?.ToString() ?? "configuration";
}
