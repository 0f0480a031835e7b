using System.Text.RegularExpressions;

namespace Cherry.Http;

/// <summary>
/// Regular expressions from configuration that run against client text (Referer, request paths). A pattern may
/// backtrack badly on input the client shapes, so each match has a time limit, and a match that runs out of time
/// counts as no match: the client cannot hold a thread, and no request fails because of it.
/// </summary>
internal static class ClientPattern
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    public static Regex Create(string pattern) => new(pattern, RegexOptions.CultureInvariant, MatchTimeout);

    public static bool IsMatch(Regex pattern, string input)
    {
        try
        {
            return pattern.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
