// Tutorial 3: passing values to methods.
//
// Query-string values (GET) and form fields (POST) arrive as the method's parameters, matched by name; it makes no
// difference where a value came from. A parameter with a default is optional; one without is required, and a
// request that leaves it out is answered 404 (from the query string) or 400 (from a form), naming it.
using Cherry;

namespace Tutorials.Tut03;

public sealed class WelcomePage
{
    // A form that submits a "name" field to greetUser.
    [Exposed]
    public string Index() => """

                    <form action="greetUser" method="GET">
                    What is your name?
                    <input type="text" name="name" />
                    <input type="submit" />
                    </form>
        """;

    // [Exposed("greetUser")] keeps CherryPy's URL; without it the method would answer /greet_user.
    //
    // A nullable parameter with a null default tells apart "no name given" (null) from "an empty name" (""), just as
    // Python's name=None does.
    [Exposed("greetUser")]
    public string GreetUser(string? name = null) => name switch
    {
        null => "Please enter your name <a href=\"./\">here</a>.",
        "" => "No, really, enter your name <a href=\"./\">here</a>.",
        // The name is the client's text: escape it before it becomes part of an HTML page.
        _ => $"Hey {System.Net.WebUtility.HtmlEncode(name)}, what's up?",
    };
}
