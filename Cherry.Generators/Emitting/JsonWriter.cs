using System.Collections.Generic;
using System.Text;
using Cherry.Generators.Parsing;

namespace Cherry.Generators.Emitting
{
    /// <summary>Indented JSON text (two spaces), written property by property; values given as JSON text are written as they are.</summary>
    internal sealed class JsonWriter
    {
        private readonly StringBuilder _text = new StringBuilder();
        // Per open object or array: whether it has an item yet (for the commas).
        private readonly Stack<bool> _open = new Stack<bool>();

        public void StartObject(string? name = null) => Start(name, '{');

        public void EndObject() => End('}');

        public void StartArray(string? name = null) => Start(name, '[');

        public void EndArray() => End(']');

        /// <summary>A property (or, with a null name, an array item) whose value is already JSON text.</summary>
        public void Raw(string? name, string json)
        {
            Item(name);
            _text.Append(json);
        }

        public void String(string? name, string value) => Raw(name, Literals.JsonString(value));

        public override string ToString() => _text.ToString();

        private void Start(string? name, char open)
        {
            Item(name);
            _text.Append(open);
            _open.Push(false);
        }

        private void End(char close)
        {
            var hadItems = _open.Pop();
            if (hadItems)
            {
                NewLine();
            }
            _text.Append(close);
        }

        private void Item(string? name)
        {
            if (_open.Count > 0)
            {
                if (_open.Pop())
                {
                    _text.Append(',');
                }
                _open.Push(true);
                NewLine();
            }
            if (name is not null)
            {
                _text.Append(Literals.JsonString(name)).Append(": ");
            }
        }

        private void NewLine() => _text.Append('\n').Append(' ', _open.Count * 2);
    }
}
