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
}
