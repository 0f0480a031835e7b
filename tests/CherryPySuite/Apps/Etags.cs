using Cherry;

namespace CherryPySuite.Apps;

/// <summary>test_etags: autotags on the whole app, from configuration as in the Python.</summary>
public static class Etags
{
    public static void Map(WebApplication app) => app.MapCherry<Root>("/", options => options
        .Set("/", "tools.etags.on", "True")
        .Set("/", "tools.etags.autotags", "True"));

    public sealed class Root
    {
        [Exposed]
        public string Resource() => "Oh wah ta goo Siam.";

        [Exposed]
        public string Fail(string code)
        {
            var status = int.Parse(code, System.Globalization.CultureInfo.InvariantCulture);
            if (status is >= 300 and <= 399)
            {
                throw new HttpRedirect(Array.Empty<string>(), status);
            }
            throw new HttpError(status);
        }

        // tools.encode is on by default (UTF-8), as in CherryPy on Python 3.
        [Exposed, Encode]
        public string Unicoded() => "I am a \u1ee4nicode string.";
    }
}
