using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace LoRaWan.Cli
{
    /// <summary>A bad command line or bad input: printed as one line on stderr, exit code 2.</summary>
    public sealed class CliException : Exception
    {
        public CliException(string message) : base(message) { }
    }

    /// <summary>
    /// The values of a parsed command line, read by option name (<c>"hex"</c> for <c>--hex</c>) for commands whose
    /// options depend on each other (decode, encode, keys, airtime, region). System.CommandLine has already rejected
    /// unknown options and missing values; this class converts the values with our one-line messages.
    /// </summary>
    public sealed class CliArgs
    {
        readonly ParseResult _parse;
        readonly Dictionary<string, Option> _options = new(StringComparer.Ordinal);
        readonly HashSet<string> _used = new(StringComparer.Ordinal);

        public CliArgs(ParseResult parse, OptionSet options)
        {
            _parse = parse;
            foreach (Option o in options.All) _options[o.Name.Substring(2)] = o;
        }

        Option Find(string name) => _options.TryGetValue(name, out Option o) ? o : throw new InvalidOperationException($"--{name} is not declared");

        public bool Flag(string name)
        {
            _used.Add(name);
            return _parse.GetResult(Find(name)) is OptionResult { Implicit: false };
        }

        public string Get(string name, string fallback = null)
        {
            _used.Add(name);
            return _parse.GetResult(Find(name)) is OptionResult { Implicit: false } r && r.Tokens.Count > 0 ? r.Tokens[0].Value : fallback;
        }

        public string Required(string name) => Get(name) ?? throw new CliException($"--{name} is required");

        public int Int(string name, int? fallback = null)
        {
            string v = Get(name);
            if (v == null) return fallback ?? throw new CliException($"--{name} is required");
            return OptionSet.ParseInt("--" + name, v);
        }

        /// <summary>Hex bytes (MSB as shown by The Things Stack); exactly <paramref name="bytes"/> long when given.</summary>
        public byte[] HexBytes(string name, int bytes = -1, bool required = true)
        {
            string v = Get(name);
            if (v == null) return required ? throw new CliException($"--{name} is required") : null;
            return ParseHex(v, "--" + name, bytes);
        }

        public static byte[] ParseHex(string v, string what, int bytes = -1)
        {
            string s = v.Replace(" ", "").Replace(":", "").Replace("-", "");
            if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) s = s.Substring(2);
            if (s.Length % 2 != 0) throw new CliException($"{what}: odd number of hex digits ({s.Length})");
            byte[] b;
            try { b = Convert.FromHexString(s); }
            catch (FormatException) { throw new CliException($"{what}: not hex: '{v}'"); }
            if (bytes >= 0 && b.Length != bytes) throw new CliException($"{what}: must be {bytes} bytes ({2 * bytes} hex digits), got {b.Length}");
            return b;
        }

        /// <summary>Fails on a given option that the command's path did not read (it would be silently ignored).</summary>
        public void RejectUnknown()
        {
            foreach (var (name, o) in _options)
                if (!_used.Contains(name) && _parse.GetResult(o) is OptionResult { Implicit: false })
                    throw new CliException($"--{name} does not apply here");
        }
    }
}
