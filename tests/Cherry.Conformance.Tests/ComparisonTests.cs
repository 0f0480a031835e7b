namespace Cherry.Conformance.Tests;

/// <summary>The comparison itself: a difference it must see is reported, and one the clocks explain is not.</summary>
public sealed class ComparisonTests
{
    [Theory]
    // The same instant, or a second apart (two servers, two clocks): no difference.
    [InlineData("Sun, 28 Jan 2007 00:00:00 GMT", "Sun, 28 Jan 2007 00:00:00 GMT", false)]
    [InlineData("Sun, 28 Jan 2007 00:00:00 GMT", "Sun, 28 Jan 2007 00:00:01 GMT", false)]
    [InlineData("Sun, 28 Jan 2007 00:00:02 GMT", "Sun, 28 Jan 2007 00:00:00 GMT", false)]
    // A date off by more than the tolerance, a day, or an hour (a time zone mistake): a difference the DATE placeholder hid.
    [InlineData("Sun, 28 Jan 2007 00:00:00 GMT", "Sun, 28 Jan 2007 00:00:03 GMT", true)]
    [InlineData("Sun, 28 Jan 2007 00:00:00 GMT", "Mon, 29 Jan 2007 00:00:00 GMT", true)]
    [InlineData("Sun, 28 Jan 2007 00:00:00 GMT", "Sun, 28 Jan 2007 01:00:00 GMT", true)]
    // Values that are no date are compared as text; a missing header only equals a missing one.
    [InlineData("0", "0", false)]
    [InlineData("0", "-1", true)]
    [InlineData("Sun, 28 Jan 2007 00:00:00 GMT", "0", true)]
    [InlineData(null, null, false)]
    [InlineData("Sun, 28 Jan 2007 00:00:00 GMT", null, true)]
    public void Dates_compare_as_instants_within_the_clock_tolerance(string? reference, string? cherry, bool differs) =>
        Assert.Equal(differs, Comparison.DateDifference("Expires", reference, cherry) is not null);

    [Theory]
    // Same body, same tag on both; different bodies, different tags on both; each server's own hash: no difference.
    [InlineData("\"a\"", "\"a\"", "\"x1\"", "\"x1\"", false)]
    [InlineData("\"a\"", "\"b\"", "\"x1\"", "\"x2\"", false)]
    // Cherry changing its tag where CherryPy keeps it, or keeping it where CherryPy changes it: a difference.
    [InlineData("\"a\"", "\"a\"", "\"x1\"", "\"x2\"", true)]
    [InlineData("\"a\"", "\"b\"", "\"x1\"", "\"x1\"", true)]
    // A step without a tag on either server is not judged here (the ETag header itself is compared step by step).
    [InlineData("\"a\"", null, "\"x1\"", "\"x2\"", false)]
    public void ETags_compare_by_their_rule_across_steps(string? reference1, string? reference2, string? cherry1, string? cherry2, bool differs)
    {
        static Observed With(string? tag) => new()
        {
            Status = 200,
            Headers = tag is null ? [] : new() { ["ETag"] = [tag] },
            Body = [],
        };
        var differences = Comparison.EntityTagDifferences([With(reference1), With(reference2)], [With(cherry1), With(cherry2)]);
        Assert.Equal(differs, differences.Any());
    }
}
