using System;
using System.Collections.Generic;
using System.Globalization;

namespace LoRaWan.Cli
{
    /// <summary>A bad command line or bad input: printed as one line on stderr, exit code 2.</summary>
    public sealed class CliException : Exception
    {
        public CliException(string message) : base(message) { }
    }

    /// <summary>Parses <c>--name value</c> options and <c>--flag</c> switches.</summary>
    public sealed class CliArgs
    {
        readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
        readonly HashSet<string> _flags = new(StringComparer.Ordinal);
        readonly HashSet<string> _used = new(StringComparer.Ordinal);

        /// <param name="args">the arguments after the command name</param>
        /// <param name="flags">the option names that take no value</param>
        public CliArgs(string[] args, params string[] flags)
        {
            var isFlag = new HashSet<string>(flags, StringComparer.Ordinal);
            for (int i = 0; i < args.Length; i++)
            {
                string a = args[i];
                if (!a.StartsWith("--", StringComparison.Ordinal) || a.Length < 3) throw new CliException($"unexpected argument '{a}'");
                string name = a.Substring(2);
                if (isFlag.Contains(name)) { _flags.Add(name); continue; }
                if (i + 1 >= args.Length) throw new CliException($"--{name} needs a value");
                _values[name] = args[++i];
            }
        }

        public bool Flag(string name) { _used.Add(name); return _flags.Contains(name); }

        public string Get(string name, string fallback = null) { _used.Add(name); return _values.TryGetValue(name, out var v) ? v : fallback; }

        public string Required(string name) => Get(name) ?? throw new CliException($"--{name} is required");

        public int Int(string name, int? fallback = null)
        {
            string v = Get(name);
            if (v == null) return fallback ?? throw new CliException($"--{name} is required");
            if (!int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n)) throw new CliException($"--{name} must be an integer, got '{v}'");
            return n;
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

        /// <summary>Fails on options the command did not read (typos).</summary>
        public void RejectUnknown()
        {
            foreach (var k in _values.Keys) if (!_used.Contains(k)) throw new CliException($"unknown option --{k}");
            foreach (var k in _flags) if (!_used.Contains(k)) throw new CliException($"unknown option --{k}");
        }
    }
}
