using System;
using System.IO;

namespace LoRaWan.Cli
{
    /// <summary>
    /// lorawan &lt;command&gt; [options]. Machine-readable JSON on stdout; errors as one line on stderr with
    /// exit code 2. Each command is a static class with <c>Run(string[] args, TextWriter stdout, TextWriter stderr)</c>
    /// so tests call it directly.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

        public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
        {
            if (args.Length == 0 || args[0] == "--help" || args[0] == "help")
            {
                stdout.WriteLine(Usage);
                return args.Length == 0 ? 2 : 0;
            }
            string[] rest = args[1..];
            try
            {
                switch (args[0])
                {
                    // Commands register here: case "name": return NameCommand.Run(rest, stdout, stderr);
                    case "decode": return DecodeCommand.Run(rest, stdout, stderr);
                    case "encode": return EncodeCommand.Run(rest, stdout, stderr);
                    case "keys": return KeysCommand.Run(rest, stdout, stderr);
                    case "airtime": return AirtimeCommand.Run(rest, stdout, stderr);
                    case "region": return RegionCommand.Run(rest, stdout, stderr);
                    case "simulate": return SimulateCommand.Run(rest, stdout, stderr);
                    default:
                        throw new CliException($"unknown command '{args[0]}'. {Usage}");
                }
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

        const string Usage = "usage: lorawan <decode|encode|keys|airtime|region|simulate> [options]";
    }
}
