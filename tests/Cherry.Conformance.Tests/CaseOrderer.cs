using Xunit.Abstractions;
using Xunit.Sdk;

namespace Cherry.Conformance.Tests;

/// <summary>Runs the cases in the table's order: the servers keep state (counters, caches), the same for both.</summary>
public sealed class CaseOrderer : ITestCaseOrderer
{
    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase
    {
        var order = Cases.All.Select((c, i) => (c.Id, i)).ToDictionary(p => p.Id, p => p.i);
        return testCases.OrderBy(t => t.TestMethodArguments is [string id] && order.TryGetValue(id, out var index) ? index : -1);
    }
}
