using System.Collections;
using System.Globalization;
using System.Text;
using System.Xml;

namespace Cherry;

/// <summary>
/// XML-RPC reading and writing (hand-written: no .NET package for XML-RPC is served here). Values map to
/// int/long, bool, string, double, DateTime, byte[], <c>Dictionary&lt;string, object?&gt;</c> (struct),
/// <c>object?[]</c> (array) and null (nil). Documents are read with DTDs prohibited, no resolver and a size limit.
/// </summary>
public static class XmlRpcCodec
{
    public const int MaxDocumentCharacters = 1_000_000;

    /// <summary>
    /// How deep arrays and structs may nest, read or written. The readers recurse, so without a cap one small
    /// request could exhaust the stack and end the process; real calls nest a few levels.
    /// </summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// How deep a response may nest: room for a value read at <see cref="MaxDepth"/> inside as many levels of the
    /// handler's own, so whatever a call carried can be answered; the cap is left only to stop cycles.
    /// </summary>
    public const int MaxWriteDepth = 2 * MaxDepth;

    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxDocumentCharacters,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
    };

    /// <summary>Reads a methodCall.</summary>
    /// <exception cref="FormatException">The document is not a well-formed methodCall.</exception>
    public static (string MethodName, object?[] Parameters) ReadCall(byte[] document)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(document), ReaderSettings);
            reader.MoveToContent();
            Expect(reader, "methodCall");
            string? name = null;
            var parameters = new List<object?>();
            reader.Read();
            while (SkipText(reader) == XmlNodeType.Element)
            {
                switch (reader.LocalName)
                {
                    case "methodName":
                        name = reader.ReadElementContentAsString().Trim();
                        break;
                    case "params":
                        if (reader.IsEmptyElement)
                        {
                            reader.Read();
                            break;
                        }
                        reader.Read();
                        while (SkipText(reader) == XmlNodeType.Element)
                        {
                            Expect(reader, "param");
                            reader.Read();
                            SkipText(reader);
                            parameters.Add(ReadValue(reader, 1));
                            SkipText(reader);
                            reader.ReadEndElement();
                        }
                        reader.ReadEndElement();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
            // The rest must be well-formed XML too, as it must be to Python's parser: junk after the call is no call.
            while (reader.Read())
            {
            }
            return (name ?? throw new FormatException("The methodCall has no methodName."), parameters.ToArray());
        }
        catch (XmlException ex)
        {
            throw new FormatException(ex.Message, ex);
        }
    }

    private static object? ReadValue(XmlReader reader, int depth)
    {
        Expect(reader, "value");
        if (depth > MaxDepth)
        {
            throw new XmlRpcDepthException();
        }
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return "";
        }
        reader.Read();
        if (reader.NodeType == XmlNodeType.EndElement)
        {
            // <value></value>: an untyped empty string, as <value/> is.
            reader.ReadEndElement();
            return "";
        }
        if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace && !HasElementAfterText(reader, out var untyped))
        {
            reader.ReadEndElement();
            return untyped;
        }
        var value = reader.LocalName switch
        {
            "int" or "i4" => int.Parse(reader.ReadElementContentAsString().Trim(), CultureInfo.InvariantCulture),
            "i8" => long.Parse(reader.ReadElementContentAsString().Trim(), CultureInfo.InvariantCulture),
            "boolean" => reader.ReadElementContentAsString().Trim() switch
            {
                "1" => true,
                "0" => false,
                var other => throw new FormatException($"'{other}' is not an XML-RPC boolean."),
            },
            "string" => reader.ReadElementContentAsString(),
            "double" => double.Parse(reader.ReadElementContentAsString().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture),
            "dateTime.iso8601" => DateTime.ParseExact(reader.ReadElementContentAsString().Trim(), ["yyyyMMdd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None),
            "base64" => Convert.FromBase64String(reader.ReadElementContentAsString().Trim()),
            "nil" => ReadNil(reader),
            "struct" => ReadStruct(reader, depth),
            "array" => ReadArray(reader, depth),
            var other => throw new FormatException($"'{other}' is not an XML-RPC type."),
        };
        SkipText(reader);
        reader.ReadEndElement();
        return value;
    }

    /// <summary>
    /// Moves past text between the elements of a call's structure, which Python's reader ignores, and returns the
    /// node it stops at: an element, an end tag or the document's end.
    /// </summary>
    private static XmlNodeType SkipText(XmlReader reader)
    {
        while (reader.MoveToContent() is XmlNodeType.Text or XmlNodeType.CDATA)
        {
            reader.Read();
        }
        return reader.NodeType;
    }

    private static bool HasElementAfterText(XmlReader reader, out string text)
    {
        var builder = new StringBuilder();
        while (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
        {
            builder.Append(reader.Value);
            reader.Read();
        }
        text = builder.ToString();
        return reader.NodeType == XmlNodeType.Element;
    }

    private static object? ReadNil(XmlReader reader)
    {
        reader.Skip();
        return null;
    }

    private static Dictionary<string, object?> ReadStruct(XmlReader reader, int depth)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return result;
        }
        reader.Read();
        while (SkipText(reader) == XmlNodeType.Element)
        {
            Expect(reader, "member");
            reader.Read();
            string? name = null;
            object? value = null;
            while (SkipText(reader) == XmlNodeType.Element)
            {
                if (reader.LocalName == "name")
                {
                    name = reader.ReadElementContentAsString();
                }
                else
                {
                    value = ReadValue(reader, depth + 1);
                }
            }
            reader.ReadEndElement();
            result[name ?? throw new FormatException("A struct member has no name.")] = value;
        }
        reader.ReadEndElement();
        return result;
    }

    private static object?[] ReadArray(XmlReader reader, int depth)
    {
        reader.Read();
        SkipText(reader);
        Expect(reader, "data");
        var items = new List<object?>();
        if (reader.IsEmptyElement)
        {
            reader.Read();
        }
        else
        {
            reader.Read();
            while (SkipText(reader) == XmlNodeType.Element)
            {
                items.Add(ReadValue(reader, depth + 1));
            }
            reader.ReadEndElement();
        }
        SkipText(reader);
        reader.ReadEndElement();
        return items.ToArray();
    }

    /// <summary>A document whose values nest deeper than <see cref="MaxDepth"/>.</summary>
    internal sealed class XmlRpcDepthException() : FormatException($"XML-RPC values may nest at most {MaxDepth} levels deep.");

    private static void Expect(XmlReader reader, string name)
    {
        if (reader.NodeType != XmlNodeType.Element || reader.LocalName != name)
        {
            throw new FormatException($"Expected <{name}>, found {reader.NodeType} {reader.LocalName}.");
        }
    }

    /// <summary>A methodResponse carrying <paramref name="value"/>.</summary>
    /// <exception cref="InvalidOperationException">null without <paramref name="allowNone"/>, or a value XML-RPC cannot carry.</exception>
    public static string WriteResponse(object? value, bool allowNone)
    {
        var text = new StringBuilder("<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n");
        WriteValue(text, value, allowNone, 1);
        return text.Append("</param>\n</params>\n</methodResponse>\n").ToString();
    }

    /// <summary>A fault methodResponse.</summary>
    public static string WriteFault(int code, string message)
    {
        var text = new StringBuilder("<?xml version='1.0'?>\n<methodResponse>\n<fault>\n");
        WriteValue(text, new Dictionary<string, object?> { ["faultCode"] = code, ["faultString"] = message }, false, 1);
        return text.Append("</fault>\n</methodResponse>\n").ToString();
    }

    private static void WriteValue(StringBuilder text, object? value, bool allowNone, int depth)
    {
        if (depth > MaxWriteDepth)
        {
            // Also what stops a collection that contains itself.
            throw new InvalidOperationException($"cannot marshal values nested deeper than {MaxWriteDepth} levels");
        }
        text.Append("<value>");
        switch (value)
        {
            case null:
                text.Append(allowNone ? "<nil/>" : throw new InvalidOperationException("cannot marshal None unless allow_none is enabled"));
                break;
            case bool b:
                text.Append("<boolean>").Append(b ? '1' : '0').Append("</boolean>");
                break;
            case int or short or byte or sbyte or ushort:
                text.Append("<int>").Append(Convert.ToInt32(value, CultureInfo.InvariantCulture)).Append("</int>");
                break;
            case long or uint or ulong:
                var integer = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                text.Append(integer is >= int.MinValue and <= int.MaxValue ? "<int>" : "<i8>").Append(integer)
                    .Append(integer is >= int.MinValue and <= int.MaxValue ? "</int>" : "</i8>");
                break;
            case double or float or decimal:
                text.Append("<double>").Append(Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)).Append("</double>");
                break;
            case string s:
                text.Append("<string>").Append(Escape(s)).Append("</string>");
                break;
            case DateTime date:
                text.Append("<dateTime.iso8601>").Append(date.ToString("yyyyMMdd'T'HH:mm:ss", CultureInfo.InvariantCulture)).Append("</dateTime.iso8601>");
                break;
            case DateTimeOffset offset:
                text.Append("<dateTime.iso8601>").Append(offset.UtcDateTime.ToString("yyyyMMdd'T'HH:mm:ss", CultureInfo.InvariantCulture)).Append("</dateTime.iso8601>");
                break;
            case byte[] bytes:
                text.Append("<base64>").Append(Convert.ToBase64String(bytes)).Append("</base64>");
                break;
            case IDictionary dictionary:
                text.Append("<struct>");
                foreach (DictionaryEntry entry in dictionary)
                {
                    text.Append("<member><name>").Append(Escape(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "")).Append("</name>");
                    WriteValue(text, entry.Value, allowNone, depth + 1);
                    text.Append("</member>");
                }
                text.Append("</struct>");
                break;
            case IEnumerable items:
                text.Append("<array><data>");
                foreach (var item in items)
                {
                    WriteValue(text, item, allowNone, depth + 1);
                }
                text.Append("</data></array>");
                break;
            default:
                throw new InvalidOperationException($"cannot marshal {value.GetType().Name} objects");
        }
        text.Append("</value>\n");
    }

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
