// Tutorial 2: several methods, linked to each other.
//
// Every [Exposed] method of an object is a URL below it. A method's URL segment is its name split at its PascalCase
// words, lower-cased and joined with '_': ShowMsg answers /show_msg.
using Cherry;

namespace Tutorials.Tut02;

public sealed class HelloWorld
{
    // The root page links to the other method with a relative URL.
    [Exposed]
    public string Index() => "We have an <a href=\"show_msg\">important message</a> for you!";

    // GET /show_msg. (A request for /show-msg or /show.msg reaches it too: punctuation in a request's segment counts
    // as '_', as in CherryPy.)
    [Exposed]
    public string ShowMsg() => "Hello world!";
}
