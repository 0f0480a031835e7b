namespace Cherry;

/// <summary>
/// An XML-RPC fault with its own code (Python's <c>xmlrpc.client.Fault(code, string)</c>): thrown by an
/// <see cref="XmlRpcAttribute"/> method, or returned by one, it answers the call with a <c>&lt;fault&gt;</c> whose
/// <c>faultCode</c> is <see cref="FaultCode"/> and whose <c>faultString</c> is the message. Any other exception is a
/// fault with code 1 and the exception's message, as CherryPy answers every error.
/// </summary>
public sealed class XmlRpcFault : Exception
{
    public XmlRpcFault(int faultCode, string faultString)
        : base(faultString)
    {
        FaultCode = faultCode;
    }

    public XmlRpcFault(int faultCode, string faultString, Exception? innerException)
        : base(faultString, innerException)
    {
        FaultCode = faultCode;
    }

    /// <summary>The <c>faultCode</c> the client sees.</summary>
    public int FaultCode { get; }

    /// <summary>The <c>faultString</c> the client sees: the message.</summary>
    public string FaultString => Message;
}
