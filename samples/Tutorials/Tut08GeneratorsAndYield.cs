// Tutorial 8: building the body with yield.
//
// A handler may return its body in parts: an IEnumerable<string> written with yield return (or an
// IAsyncEnumerable<string>, to await between parts). Cherry writes each part as it comes, so a long page starts
// reaching the client before it is finished, and no string concatenation is needed.
using Cherry;

namespace Tutorials.Tut08;

public sealed class GeneratorDemo
{
    private static string Header() => "<html><body><h2>Generators rule!</h2>";

    private static string Footer() => "</body></html>";

    [Exposed]
    public IEnumerable<string> Index()
    {
        // A made-up list of users to show.
        string[] users = ["Remi", "Carlos", "Hendrik", "Lorenzo Lamas"];

        // Every yield return adds one part to the body.
        yield return Header();
        yield return "<h3>List of users:</h3>";
        foreach (var user in users)
        {
            yield return $"{user}<br/>";
        }
        yield return Footer();
    }
}
