using Cherry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Tutorials;

/// <summary>
/// One tutorial: the name that picks it on the command line, what it shows, and how it sets up a host. Each one
/// mounts its root at <c>/</c>, as CherryPy's tutorials do, because some of their links are absolute.
/// </summary>
/// <param name="Map">Mounts the tutorial's root (after the host is built).</param>
public sealed record Tutorial(string Name, string Title, Action<WebApplication> Map)
{
    /// <summary>Process-wide Cherry settings the tutorial needs (a tool of its own, global config), if any.</summary>
    public Action<CherryOptions>? Configure { get; init; }

    /// <summary>Services the tutorial's root or tools take from DI, if any.</summary>
    public Action<IServiceCollection>? AddServices { get; init; }

    public static IReadOnlyList<Tutorial> All { get; } =
    [
        new("tut01", "Hello world: the smallest application", app => app.MapCherry<Tut01.HelloWorld>()),
        new("tut02", "Several exposed methods, linked to each other", app => app.MapCherry<Tut02.HelloWorld>()),
        new("tut03", "Query-string and form values as method parameters", app => app.MapCherry<Tut03.WelcomePage>()),
        new("tut04", "A site of nested objects", app => app.MapCherry<Tut04.HomePage>()),
        new("tut05", "Pages that share a base class", app => app.MapCherry<Tut05.HomePage>()),
        new("tut06", "Default: the method for URLs nothing else matches", app => app.MapCherry<Tut06.UsersPage>()),
        new("tut07", "Sessions: a hit counter per visitor", app => app.MapCherry<Tut07.HitCounter>()),
        new("tut08", "Streaming a body with yield", app => app.MapCherry<Tut08.GeneratorDemo>()),
        new("tut09", "Serving a file as a download", Tut09.FileDemo.Map),
        new("tut10", "HTTP errors, a custom error page and tracebacks", Tut10.HttpErrorDemo.Map)
        {
            Configure = Tut10.HttpErrorDemo.Configure,
            AddServices = Tut10.HttpErrorDemo.AddServices,
        },
    ];

    /// <summary>The tutorial named <paramref name="name"/> (<c>tut03</c>, or just <c>3</c>), or null.</summary>
    public static Tutorial? Find(string name)
    {
        var wanted = int.TryParse(name, out var number) ? $"tut{number:00}" : name.ToLowerInvariant();
        return All.FirstOrDefault(t => t.Name == wanted);
    }
}
