using System.Globalization;

namespace Cherry.Http;

/// <summary>
/// An element of Accept, Accept-Charset, Accept-Encoding, Accept-Language or TE, with its quality
/// (CherryPy's <c>AcceptElement</c>). The first <c>;q=</c> separates media-type parameters from accept parameters.
/// </summary>
public sealed class AcceptElement : HeaderElement
{
    private readonly string? _qualityText;

    private AcceptElement(string value, IReadOnlyList<KeyValuePair<string, string>> parameters, double quality, string? qualityText, string text)
        : base(value, parameters)
    {
        Quality = quality;
        _qualityText = qualityText;
        Text = text;
    }

    /// <summary>The q-value, 1 when absent.</summary>
    public double Quality { get; }

    /// <summary>The element without its accept parameters: <c>text/html;level=1</c>; ties between equal q-values are broken on it.</summary>
    public string Text { get; }

    /// <exception cref="HeaderFormatException">The q-value is not a number from 0 to 1.</exception>
    public static AcceptElement Parse(string element, string headerValue)
    {
        var qIndex = IndexOfQuality(element);
        var media = qIndex < 0 ? element : element[..qIndex];
        var quality = 1.0;
        string? qText = null;
        if (qIndex >= 0)
        {
            var rest = element[(qIndex + 1)..];
            qText = rest.Split(';')[0].Trim();
            qText = qText[(qText.IndexOf('=') + 1)..].Trim();
            if (!double.TryParse(qText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out quality) || quality is < 0 or > 1)
            {
                throw new HeaderFormatException(headerValue, $"the quality value '{qText}' is not a number from 0 to 1.");
            }
        }
        var (value, parameters) = Split(media);
        return new AcceptElement(value, parameters, quality, qText, media.Trim());
    }

    private static int IndexOfQuality(string element)
    {
        var parts = SplitOutsideQuotes(element, ';');
        var offset = 0;
        for (var i = 0; i < parts.Count; i++)
        {
            if (i > 0)
            {
                var name = parts[i].Split('=')[0].Trim();
                if (name is "q" or "Q")
                {
                    return offset - 1;
                }
            }
            offset += parts[i].Length + 1;
        }
        return -1;
    }

    /// <summary>The element with its q-value as the client wrote it, when it wrote one (<c>audio/*;q=0.2</c>), as CherryPy's <c>str()</c>.</summary>
    public override string ToString() => _qualityText is null ? Text : Text + ";q=" + _qualityText;
}
