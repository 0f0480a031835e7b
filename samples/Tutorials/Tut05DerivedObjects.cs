// Tutorial 5: pages that share a base class.
//
// Handler classes are ordinary classes, so they may derive from any base class. A real site usually has one base
// page that writes the header and footer every page shares; each page overrides what differs (here, its title).
// The tutorial's strings keep CherryPy's indentation, blank lines with their spaces included, so the pages read the
// same in both.
using Cherry;

namespace Tutorials.Tut05;

public abstract class Page
{
    // What each page overrides: a virtual property takes the place of Python's class attribute.
    protected virtual string Title => "Untitled Page";

    // Header and Footer are not [Exposed]: no URL reaches them; they are helpers for the exposed methods of the
    // classes below. (Protected or public makes no difference to the web: only [Exposed] publishes a method.)
    protected string Header() =>
        "\n            <html>" +
        "\n            <head>" +
        $"\n                <title>{Title}</title>" +
        "\n            <head>" +
        "\n            <body>" +
        $"\n            <h2>{Title}</h2>" +
        "\n        ";

    protected static string Footer() =>
        "\n            </body>" +
        "\n            </html>" +
        "\n        ";
}

public sealed class HomePage : Page
{
    // A sub-page: /another/.
    public AnotherPage Another { get; } = new();

    protected override string Title => "Tutorial 5";

    [Exposed]
    public string Index() =>
        Header() +
        "\n            <p>" +
        "\n            Isn't this exciting? There's" +
        "\n            <a href=\"./another/\">another page</a>, too!" +
        "\n            </p>" +
        "\n        " +
        Footer();
}

public sealed class AnotherPage : Page
{
    protected override string Title => "Another Page";

    [Exposed]
    public string Index() =>
        Header() +
        "\n            <p>" +
        "\n            And this is the amazing second page!" +
        "\n            </p>" +
        "\n        " +
        Footer();
}
