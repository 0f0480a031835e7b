// Tutorial 1: hello world.
//
// The smallest Cherry application: one class whose public method answers the site's root URL. Program.cs builds a
// host, AddCherry() registers the runtime, and MapCherry<HelloWorld>() mounts the class at "/". At build time the
// source generator reads the class and writes its dispatch tree, so no reflection happens at run time.
using Cherry;

namespace Tutorials.Tut01;

public sealed class HelloWorld
{
    // Index answers the URL of the object it belongs to; this object is the root, so GET / calls it and sends back
    // what it returns.
    //
    // Only methods marked [Exposed] are reachable from the web: a public method without it (a helper, say) can never
    // be called by a client, however its URL is spelled.
    [Exposed]
    public string Index() => "Hello world!";
}
