using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace Cherry.Analyzers.Tests;

/// <summary>
/// What the documents (<see cref="Documents"/>) say of a diagnostic is what the descriptor table
/// (Shared/Diagnostics/DiagnosticDescriptors.cs) says, so that no page drifts from the rules as rules are added:
/// <list type="bullet">
/// <item>every CHERRY id named exists, in prose and in code blocks (<c>CHERRY0005/0011</c> and <c>CHERRY0018 or 0019</c> name two);</item>
/// <item>a range (<c>CHERRY0018–0021</c>) runs forwards; one that starts at the first rule stands for the whole table, so it
/// ends at the last rule, unless it is exactly the generator's own rules (category Cherry.Generator);</item>
/// <item>a severity stated for rules is theirs: a severity word right before a parenthesis that opens with them ("a warning
/// (CHERRY0004)"); else, in a sentence with a single kind of "is a [compiler] error", every rule the sentence names; and in a
/// table row naming one rule, a cell that is a severity word;</item>
/// <item>a title stated for a rule (a heading or link text <c>CHERRYnnnn: Title</c>) is its title;</item>
/// <item>each rule's page opens with <c># CHERRYnnnn: Title</c> and states <c>**Severity:** severity</c>.</item>
/// </list>
/// </summary>
public sealed partial class DiagnosticMentionsTests
{
    private static readonly IReadOnlyDictionary<int, DiagnosticDescriptor> Table =
        DiagnosticTableTests.Descriptors.DistinctBy(d => d.Id).ToDictionary(d => Number(d.Id));

    private static int First => Table.Keys.Min();

    private static int Last => Table.Keys.Max();

    public static TheoryData<string> Pages => [.. Documents.Markdown()];

    [Fact]
    public void The_documents_are_found()
    {
        var pages = Documents.Markdown();
        Assert.Contains("README.md", pages);
        Assert.Contains("docs/guide/json.md", pages);
        Assert.Contains("docs/diagnostics/CHERRY0001.md", pages);
        Assert.Contains("templates/Cherry.Templates/README.md", pages);
        Assert.Contains("samples/Wiki/README.md", pages);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void What_a_document_says_of_a_rule_is_what_the_table_says(string document)
    {
        var findings = Findings(Documents.Read(document));
        Assert.True(findings.Count == 0, document + ":\n" + string.Join("\n", findings));
    }

    [Theory]
    [MemberData(nameof(DiagnosticTableTests.Rules), MemberType = typeof(DiagnosticTableTests))]
    public void Each_rule_page_opens_with_its_title_and_states_its_severity(string id)
    {
        var descriptor = Table[Number(id)];
        var page = Documents.Read($"docs/diagnostics/{id}.md");
        Assert.Equal($"# {id}: {descriptor.Title}", page[..page.IndexOf('\n')]);
        Assert.Equal(SeverityOf(descriptor), SeverityLine().Match(page).Groups["severity"].Value);
    }

    /// <summary>The rules above find what they are for: each of these is a way a page has gone wrong.</summary>
    [Theory]
    [InlineData("See CHERRY0999.", "CHERRY0999 is no rule")]
    [InlineData("```csharp\n#pragma warning disable CHERRY0999\n```", "line 2: CHERRY0999 is no rule")]
    [InlineData("Either one (CHERRY0018 or 0999).", "CHERRY0999 is no rule")]
    [InlineData("One page per compiler diagnostic (CHERRY0001–0016), each with a wrong and a right example.", "the range CHERRY0001–0016 starts at the first rule")]
    [InlineData("Each explained (`CHERRY0001`–`CHERRY0017`).", "the range CHERRY0001–0017 starts at the first rule")]
    [InlineData("The checks of config files (CHERRY0021–0018).", "the range CHERRY0021–0018 runs backwards")]
    [InlineData("A `[JsonOut]` type no context declares is a compiler warning (`CHERRY0007`).", "CHERRY0007 is stated as warning, but it is error")]
    [InlineData("A tool whose needs are not met\nis an error on its line ([CHERRY0021](../diagnostics/CHERRY0021.md)).", "line 1: CHERRY0021 is stated as error, but it is warning")]
    [InlineData("| rule | severity |\n|---|---|\n| CHERRY0004 | **error** |", "line 3: CHERRY0004 is stated as error, but it is warning")]
    [InlineData("## CHERRY0005: Two routes", "CHERRY0005's title is 'Two members answer the same URL', not 'Two routes'")]
    [InlineData("See [CHERRY0005: Two routes](../diagnostics/CHERRY0005.md).", "CHERRY0005's title is 'Two members answer the same URL', not 'Two routes'")]
    public void A_wrong_statement_is_found(string markdown, string finding)
    {
        var findings = Findings(markdown);
        Assert.True(findings.Any(f => f.Contains(finding, StringComparison.Ordinal)), $"'{finding}' is not among: " + string.Join("; ", findings));
    }

    [Theory]
    [InlineData("The generator's parser reports its own rules (CHERRY0001–0003); the config files' are CHERRY0018–0021.")]
    [InlineData("A method that is not public is a warning (CHERRY0004), two members on one URL an error (CHERRY0005).")]
    [InlineData("Not public is a warning (CHERRY0004), while these are errors (CHERRY0005, CHERRY0007) that stop the build.")]
    [InlineData("A tool switched on where its needs are not met is a warning on its line ([CHERRY0021](../diagnostics/CHERRY0021.md)).")]
    [InlineData("`db.pool_sise` is CHERRY0018 with \"Did you mean 'pool_size'?\", `db.pool_size = 'many'` is CHERRY0019.")]
    [InlineData("# CHERRY0005: Two members answer the same URL\n\n**Severity:** error (analyzer)")]
    [InlineData("```csharp\n#pragma warning disable CHERRY0007   // a warning (CHERRY0007) in code is not a statement\n```")]
    public void A_right_statement_is_no_finding(string markdown) => Assert.Empty(Findings(markdown));

    [Fact]
    public void A_range_over_the_whole_table_is_no_finding() =>
        Assert.Empty(Findings($"One page per rule ({Id(First)}–{Last:D4}), each with a wrong and a right example."));

    /// <summary>Each place <paramref name="markdown"/> disagrees with the table, as "line N: what is wrong".</summary>
    internal static List<string> Findings(string markdown)
    {
        var findings = new List<string>();
        foreach (var (line, text, prose) in Units(markdown))
        {
            foreach (Match mention in Mention().Matches(text))
            {
                CheckNamed(Named.Parse(mention), line, findings);
            }
            if (!prose)
            {
                continue;
            }
            foreach (Match title in TitleStatement().Matches(text))
            {
                var (number, stated) = (Number(title.Groups["id"].Value), title.Groups["title"].Value);
                if (Table.TryGetValue(number, out var descriptor) && stated != descriptor.Title.ToString(CultureInfo.InvariantCulture))
                {
                    findings.Add($"line {line}: {Id(number)}'s title is '{descriptor.Title}', not '{stated}'");
                }
            }
            CheckSeverities(Link().Replace(text, "${text}"), line, findings);
        }
        // A link names its rule twice, in its text and its target: one finding.
        return [.. findings.Distinct()];
    }

    /// <summary>Every rule named exists; a range runs forwards, and one from the first rule names a whole set.</summary>
    private static void CheckNamed(Named named, int line, List<string> findings)
    {
        foreach (var number in named.Numbers.Where(n => !Table.ContainsKey(n)))
        {
            findings.Add($"line {line}: {Id(number)} is no rule (the table holds {Id(First)}–{Last:D4})");
        }
        foreach (var (from, to) in named.Ranges)
        {
            if (to <= from)
            {
                findings.Add($"line {line}: the range {Id(from)}–{to:D4} runs backwards");
                continue;
            }
            // "CHERRY0001–0016" was written as "every rule" and went stale as rules were added: a range from the first rule
            // must be a set the table defines, all of it or one category (the generator's CHERRY0001–0003).
            var covered = Table.Keys.Where(n => n >= from && n <= to).ToHashSet();
            var sets = Table.Values.GroupBy(d => d.Category).Select(g => g.Select(d => Number(d.Id)).ToHashSet()).Append([.. Table.Keys]);
            if (from == First && !sets.Any(covered.SetEquals))
            {
                findings.Add($"line {line}: the range {Id(from)}–{to:D4} starts at the first rule, so it stands for every rule: {Id(First)}–{Last:D4}");
            }
        }
    }

    private static void CheckSeverities(string unit, int line, List<string> findings)
    {
        if (unit.StartsWith('|'))
        {
            // A row about one rule: a cell that is a severity word is that rule's severity.
            var rules = Mention().Matches(unit).SelectMany(m => Named.Parse(m).Rules).Distinct().ToList();
            if (rules.Count == 1)
            {
                foreach (var cell in unit.Trim('|').Split('|').Select(c => c.Trim().Trim('`', '*').ToLowerInvariant()).Where(IsSeverity))
                {
                    Check(rules, cell);
                }
            }
            return;
        }
        foreach (var sentence in SentenceEnd().Split(unit))
        {
            var named = Mention().Matches(sentence).Select(m => (m.Index, Named.Parse(m).Rules)).ToList();
            var direct = named.Select(n => (n.Rules, Statement: SeverityBeforeParenthesis().Match(sentence[..n.Index]))).Where(n => n.Statement.Success).ToList();
            foreach (var (rules, statement) in direct)
            {
                Check(rules, statement.Groups["severity"].Value.ToLowerInvariant());
            }
            // Else "X is a warning on its line ([CHERRY0021](...))": a sentence's one kind of severity is its rules'.
            var kinds = Classification().Matches(sentence).Select(m => m.Groups["severity"].Value.ToLowerInvariant()).Distinct().ToList();
            if (direct.Count == 0 && kinds.Count == 1)
            {
                Check(named.SelectMany(n => n.Rules), kinds[0]);
            }
        }

        void Check(IEnumerable<int> rules, string stated)
        {
            foreach (var rule in rules.Where(Table.ContainsKey).Distinct().Order())
            {
                if (SeverityOf(Table[rule]) != stated)
                {
                    findings.Add($"line {line}: {Id(rule)} is stated as {stated}, but it is {SeverityOf(Table[rule])}");
                }
            }
        }
    }

    /// <summary>
    /// The text of <paramref name="markdown"/> in units, each with its first line: a paragraph, list item, heading or table
    /// row joined into one line (prose), or one line of a fenced code block (not prose: code's comments state nothing).
    /// </summary>
    private static List<(int Line, string Text, bool Prose)> Units(string markdown)
    {
        var units = new List<(int, string, bool)>();
        var paragraph = new StringBuilder();
        var start = 0;
        var fenced = false;
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].Trim();
            if (trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                Flush();
                fenced = !fenced;
                continue;
            }
            if (fenced)
            {
                units.Add((i + 1, lines[i], false));
                continue;
            }
            if (trimmed.Length == 0 || BlockStart().IsMatch(trimmed))
            {
                Flush();
            }
            if (trimmed.Length == 0)
            {
                continue;
            }
            if (paragraph.Length == 0)
            {
                start = i + 1;
            }
            paragraph.Append(paragraph.Length == 0 ? "" : " ").Append(trimmed);
            if (trimmed[0] is '#' or '|')
            {
                Flush();
            }
        }
        Flush();
        return units;

        void Flush()
        {
            if (paragraph.Length > 0)
            {
                units.Add((start, paragraph.ToString(), true));
                paragraph.Clear();
            }
        }
    }

    /// <summary>The ids one mention names (<c>CHERRY0018 or 0019</c>: two), and the ranges among them (<c>CHERRY0018–0021</c>).</summary>
    private sealed record Named(List<int> Numbers, List<(int From, int To)> Ranges)
    {
        /// <summary>The table's rules it names, a range's whole span included.</summary>
        public IEnumerable<int> Rules => Numbers.Concat(Ranges.SelectMany(r => Table.Keys.Where(n => n >= r.From && n <= r.To))).Distinct();

        public static Named Parse(Match mention)
        {
            var named = new Named([Number(mention.Groups["id"].Value)], []);
            foreach (Match next in Continuation().Matches(mention.Groups["rest"].Value))
            {
                var number = Number(next.Groups["id"].Value);
                if (next.Groups["separator"].Value is "–" or "-" or "to")
                {
                    named.Ranges.Add((named.Numbers[^1], number));
                }
                named.Numbers.Add(number);
            }
            return named;
        }
    }

    private static int Number(string id) => int.Parse(id.StartsWith("CHERRY", StringComparison.Ordinal) ? id[6..] : id, CultureInfo.InvariantCulture);

    private static string Id(int number) => $"CHERRY{number:D4}";

    private static string SeverityOf(DiagnosticDescriptor descriptor) => descriptor.DefaultSeverity.ToString().ToLowerInvariant();

    private static bool IsSeverity(string word) => word is "error" or "warning" or "info" or "hidden";

    /// <summary>A CHERRY id and the ids that follow it as a list or range: <c>CHERRY0005/0011</c>, <c>`CHERRY0001`–`CHERRY0017`</c>.</summary>
    [GeneratedRegex(@"`?CHERRY(?<id>\d{4})`?(?<rest>(?:\s*(?:–|-|/|,|\bor\b|\band\b|\bto\b)\s*`?(?:CHERRY)?\d{4}\b`?)*)")]
    private static partial Regex Mention();

    [GeneratedRegex(@"\s*(?<separator>–|-|/|,|or|and|to)\s*`?(?:CHERRY)?(?<id>\d{4})`?")]
    private static partial Regex Continuation();

    /// <summary>A heading <c>## CHERRY0005: Title</c> or link text <c>[CHERRY0005: Title](...)</c>.</summary>
    [GeneratedRegex(@"(?:^#{1,6}\s+`?CHERRY(?<id>\d{4})`?:\s*(?<title>.+?)\s*$|\[`?CHERRY(?<id>\d{4})`?:\s*(?<title>[^\]]+?)\s*\]\()")]
    private static partial Regex TitleStatement();

    [GeneratedRegex(@"\[(?<text>[^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\b(?<severity>error|warning|info|hidden)s?\s*\(\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex SeverityBeforeParenthesis();

    [GeneratedRegex(@"\b(?:is|are)\s+(?:an?\s+)?(?:compiler\s+|build\s+)?(?<severity>error|warning|info|hidden)s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Classification();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z`*\[(])")]
    private static partial Regex SentenceEnd();

    /// <summary>A line that starts a unit of its own: a heading, table row, list item or quote.</summary>
    [GeneratedRegex(@"^(?:#|\||[*+-]\s|\d+\.\s|>)")]
    private static partial Regex BlockStart();

    [GeneratedRegex(@"^\*\*Severity:\*\*\s+(?<severity>\w+)", RegexOptions.Multiline)]
    private static partial Regex SeverityLine();
}
