using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace LoRaWan.Cli
{
    /// <summary>
    /// The options of one command, declared once: name, value placeholder, help text, default and the check of the
    /// value. Each declaration registers its option here, so one more option is one line where it is declared and one
    /// line where its value is read (<c>parse.GetValue(TheOption)</c>). A value that fails its check becomes a parse
    /// error with our one-line message (e.g. "--minutes must be 1..10080, got 0"), so help, typo suggestions and
    /// errors all come from System.CommandLine.
    /// </summary>
    public sealed class OptionSet
    {
        readonly List<Option> _options = new();

        /// <summary>The options in declaration order (help lists them in this order).</summary>
        public IReadOnlyList<Option> All => _options;

        T Add<T>(T option) where T : Option
        {
            _options.Add(option);
            return option;
        }

        /// <summary>A switch (<c>--verbose</c>): true when given.</summary>
        public Option<bool> Flag(string name, string description) =>
            Add(new Option<bool>(name) { Description = description, Arity = ArgumentArity.Zero });

        /// <summary>A text value read as given (checked by the command); null when absent.</summary>
        public Option<string> Text(string name, string valueName, string description) =>
            Add(new Option<string>(name) { Description = description, HelpName = valueName });

        /// <summary>A text value with a default, checked by <paramref name="check"/> (throws <see cref="CliException"/>).</summary>
        public Option<string> Text(string name, string valueName, string description, string fallback, Action<string> check = null) =>
            Parsed(name, valueName, description, fallback, v => { check?.Invoke(v); return v; });

        /// <summary>An integer in <paramref name="min"/>..<paramref name="max"/>.</summary>
        public Option<int> Int(string name, string valueName, string description, int fallback, int min, int max) =>
            Parsed(name, valueName, description, fallback, v =>
            {
                int n = ParseInt(name, v);
                if (n < min || n > max) throw new CliException($"{name} must be {min}..{max}, got {n}");
                return n;
            });

        /// <summary>One of <paramref name="choices"/> (case-insensitive; the value is returned as listed).</summary>
        public Option<string> Choice(string name, string description, string fallback, params string[] choices) =>
            Parsed(name, string.Join("|", choices), description, fallback, v =>
            {
                foreach (string c in choices)
                    if (string.Equals(c, v, StringComparison.OrdinalIgnoreCase)) return c;
                string list = string.Join(", ", choices, 0, choices.Length - 1) + " or " + choices[choices.Length - 1];
                throw new CliException($"{name} must be {list}, got '{v}'");
            });

        /// <summary>
        /// A value converted by <paramref name="parse"/>, which throws <see cref="CliException"/> with the one-line
        /// message for a bad value; <paramref name="fallback"/> when the option is absent (shown in help unless
        /// <paramref name="showDefault"/> is false, for a fallback that means "not given").
        /// </summary>
        public Option<T> Parsed<T>(string name, string valueName, string description, T fallback, Func<string, T> parse, bool showDefault = true)
        {
            var o = new Option<T>(name) { Description = description, HelpName = valueName };
            if (showDefault) o.DefaultValueFactory = _ => fallback;
            o.CustomParser = result =>
            {
                if (result.Tokens.Count == 0) return fallback;
                try { return parse(result.Tokens[0].Value); }
                catch (CliException e)
                {
                    result.AddError(e.Message);
                    return fallback;
                }
            };
            return Add(o);
        }

        /// <summary>An integer with our error message ("--x must be an integer, got 'y'").</summary>
        public static int ParseInt(string name, string v)
        {
            if (!int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n)) throw new CliException($"{name} must be an integer, got '{v}'");
            return n;
        }

        /// <summary>A System.CommandLine command with these options whose action is <paramref name="run"/>.</summary>
        public Command Command(string name, string description, Func<ParseResult, int> run)
        {
            var c = new Command(name, description);
            foreach (Option o in _options) c.Options.Add(o);
            c.SetAction(run);
            return c;
        }
    }
}
