namespace Cherry;

/// <summary>
/// Makes a class an XML-RPC endpoint (CherryPy's <c>XMLRPCController</c> with <c>XMLRPCDispatcher</c>): a POST to it,
/// or to its <c>/RPC2</c>, is a methodCall whose dotted name reaches its exposed methods and sub-trees; results and
/// faults are <c>text/xml</c>. Other methods dispatch as usual.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class XmlRpcAttribute : Attribute
{
    /// <summary>Allow nil for null results (CherryPy's <c>allow_none</c>).</summary>
    public bool AllowNone { get; set; }
}
