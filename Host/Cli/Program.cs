using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.IO;
using System.Reflection;

namespace LoRaWan.Cli
{
    /// <summary>
    /// lorawan &lt;command&gt; [options], on System.CommandLine: <c>--help</c> for the tool and every command,
    /// <c>--version</c>, a suggestion for a mistyped command or option. Machine-readable JSON on stdout; errors as one
    /// line on stderr ("error: …") with exit code 2. Each command keeps <c>Run(string[] args, TextWriter stdout,
    /// TextWriter stderr)</c> (arguments after the command name) so tests call it directly.
    /// </summary>
    public static class Program
    {
        const string Description = "LoRaWAN 1.0.x tools: decode/encode frames, derive keys, air time, region tables, and a simulated ESP32 + SX1276 on a simulated network (\"simulate\").";

        /// <summary>The command tree, built once (options are static and belong to one command each).</summary>
        public static readonly Command Root = BuildRoot();

        static Command BuildRoot()
        {
            // Not a RootCommand: its name would be the host process's (TestRunner under the tests).
            var root = new Command("lorawan", Description);
            root.Options.Add(new HelpOption());
            root.Options.Add(new VersionOption { Action = new PrintVersion() });
            // Commands register here.
            root.Subcommands.Add(DecodeCommand.Command);
            root.Subcommands.Add(EncodeCommand.Command);
            root.Subcommands.Add(KeysCommand.Command);
            root.Subcommands.Add(AirtimeCommand.Command);
            root.Subcommands.Add(RegionCommand.Command);
            root.Subcommands.Add(SimulateCommand.Command); // "simulate"
            root.Subcommands.Add(CertifyCommand.Command);
            return root;
        }

        public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

        /// <summary>The CLI on <paramref name="args"/>: exit code 0 (or the command's own), 2 with one stderr line on bad input.</summary>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
        {
            // No command: the tool's help, exit code 2 (nothing was done). "help [command]" = "[command] --help".
            bool noCommand = args.Length == 0;
            if (noCommand) args = new[] { "--help" };
            else if (args[0] == "help") args = args.Length > 1 ? new[] { args[1], "--help" } : new[] { "--help" };
            ParseResult parse = Root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                stderr.WriteLine("error: " + ErrorLine(parse));
                return 2;
            }
            try
            {
                int code = parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
                return noCommand ? 2 : code;
            }
            catch (CliException e)
            {
                stderr.WriteLine("error: " + e.Message);
                return 2;
            }
            catch (ArgumentException e)
            {
                stderr.WriteLine("error: " + e.Message);
                return 2;
            }
        }

        /// <summary>The command's arguments with its name in front, for the commands' own <c>Run</c>.</summary>
        public static string[] With(string command, string[] args)
        {
            var all = new string[args.Length + 1];
            all[0] = command;
            args.CopyTo(all, 1);
            return all;
        }

        /// <summary>The first parse error as one line in our words, with System.CommandLine's typo suggestion.</summary>
        internal static string ErrorLine(ParseResult parse)
        {
            // A value-taking option at the end of the line, or followed by another option.
            foreach (SymbolResult child in parse.CommandResult.Children)
                if (child is OptionResult { Implicit: false } o && o.Tokens.Count == 0 && o.Option.Arity.MinimumNumberOfValues > 0)
                    return $"{o.Option.Name} needs a value";
            if (parse.UnmatchedTokens.Count > 0)
            {
                string token = parse.UnmatchedTokens[0];
                bool atRoot = parse.CommandResult.Command == Root;
                string what = token.StartsWith("-", StringComparison.Ordinal) ? $"unknown option {token}"
                    : atRoot ? $"unknown command '{token}'"
                    : $"unexpected argument '{token}'";
                string hint = Suggestion(parse, token);
                if (hint != null) return $"{what} (did you mean {hint}?)";
                if (atRoot && !token.StartsWith("-", StringComparison.Ordinal)) return $"{what}; commands: {Commands()}";
                return what;
            }
            return parse.Errors[0].Message;
        }

        static string Commands()
        {
            var names = new List<string>();
            foreach (Command c in Root.Subcommands) names.Add(c.Name);
            return string.Join(", ", names);
        }

        /// <summary>
        /// System.CommandLine's typo corrections for <paramref name="token"/> (its ParseErrorAction, help off), read from
        /// what it prints: the line naming the token, then one candidate per line.
        /// </summary>
        static string Suggestion(ParseResult parse, string token)
        {
            if (parse.Action is not ParseErrorAction action) return null;
            action.ShowHelp = false;
            action.ShowTypoCorrections = true;
            var output = new StringWriter();
            parse.Invoke(new InvocationConfiguration { Output = output, Error = TextWriter.Null });
            string[] lines = output.ToString().Split('\n');
            var candidates = new List<string>();
            for (int i = 0; i < lines.Length; i++)
            {
                if (!lines[i].Contains("'" + token + "'", StringComparison.Ordinal)) continue;
                for (int j = i + 1; j < lines.Length; j++)
                {
                    string c = lines[j].Trim();
                    if (c.Length == 0 || c.Contains(' ', StringComparison.Ordinal)) break;
                    candidates.Add(c.StartsWith("-", StringComparison.Ordinal) ? c : $"'{c}'");
                }
                break;
            }
            return candidates.Count == 0 ? null : string.Join(" or ", candidates);
        }

        /// <summary><c>--version</c>: the CLI assembly's informational version (not the host process's).</summary>
        sealed class PrintVersion : SynchronousCommandLineAction
        {
            public override int Invoke(ParseResult parseResult)
            {
                parseResult.InvocationConfiguration.Output.WriteLine(Version);
                return 0;
            }
        }

        /// <summary>The version <c>--version</c> prints.</summary>
        public static string Version =>
            typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(Program).Assembly.GetName().Version.ToString();
    }
}
