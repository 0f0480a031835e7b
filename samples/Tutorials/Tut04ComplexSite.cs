// Tutorial 4: a site made of several objects.
//
// A public property whose class has exposed methods is a sub-tree: HomePage.Joke answers /joke/..., and
// LinksPage.Extra, one level deeper, answers /links/extra/.... Each page's Index answers its object's own URL
// (/links/); /links without the slash is redirected there, so relative links in the page resolve as expected.
using Cherry;

namespace Tutorials.Tut04;

public sealed class HomePage
{
    // The tree is plain object composition: the root creates the objects below it.
    public JokePage Joke { get; } = new();

    public LinksPage Links { get; } = new();

    [Exposed]
    public string Index() => """

                    <p>Hi, this is the home page! Check out the other
                    fun stuff on this site:</p>

                    <ul>
                        <li><a href="/joke/">A silly joke</a></li>
                        <li><a href="/links/">Useful links</a></li>
                    </ul>
        """;
}

public sealed class JokePage
{
    [Exposed]
    public string Index() => """

                    <p>"In Python, how do you create a string of random
                    characters?" -- "Read a Perl file!"</p>
                    <p>[<a href="../">Return</a>]</p>
        """;
}

public sealed class LinksPage
{
    // A node creates its own children; the root does not need to know about /links/extra/.
    public ExtraLinksPage Extra { get; } = new();

    // The page links only relatively ("./extra/", "../"), so it does not care where in the tree it is mounted.
    [Exposed]
    public string Index() => """

                    <p>Here are some useful links:</p>

                    <ul>
                        <li><a href="https://cherrypy.dev">The CherryPy Homepage</a></li>
                        <li><a href="https://dot.net">The .NET Homepage</a></li>
                    </ul>

                    <p>You can check out some extra useful
                    links <a href="./extra/">here</a>.</p>

                    <p>[<a href="../">Return</a>]</p>
        """;
}

public sealed class ExtraLinksPage
{
    // Note the relative link back to the links page.
    [Exposed]
    public string Index() => """

                    <p>Here are some extra useful links:</p>

                    <ul>
                        <li><a href="http://del.icio.us">del.icio.us</a></li>
                        <li><a href="http://www.cherrypy.dev">CherryPy</a></li>
                    </ul>

                    <p>[<a href="../">Return to links page</a>]</p>
        """;
}
