// Tutorial 6: the Default method.
//
// When a URL matches no exposed method or sub-tree, Cherry calls the Default method of the deepest object the path
// reached, with the segments that were left over as its positional parameters. That makes "virtual" URL spaces easy:
// here /remi, /hendrik and /lorenzo are users looked up from the segment, not methods.
using Cherry;

namespace Tutorials.Tut06;

public sealed class UsersPage
{
    // A fixed list stands in for what a real application would read from a database.
    private static readonly Dictionary<string, string> Users = new(StringComparer.Ordinal)
    {
        ["remi"] = "Remi Delon, CherryPy lead developer",
        ["hendrik"] = "Hendrik Mans, CherryPy co-developer & crazy German",
        ["lorenzo"] = "Lorenzo Lamas, famous actor and singer!",
    };

    [Exposed]
    public string Index() => """

                    <a href="./remi">Remi Delon</a><br/>
                    <a href="./hendrik">Hendrik Mans</a><br/>
                    <a href="./lorenzo">Lorenzo Lamas</a><br/>
        """;

    // GET /hendrik calls Default("hendrik"). One parameter takes exactly one segment: /hendrik/more is a 404. To take
    // any number of segments, declare params string[] instead.
    [Exposed]
    public string Default(string user) =>
        (Users.TryGetValue(user, out var description) ? description : "Unknown user. :-(") + " (<a href=\"./\">back</a>)";
}
