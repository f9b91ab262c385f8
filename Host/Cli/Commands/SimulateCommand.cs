using System.CommandLine;
using System.IO;
using LoRaWan.Cli.Simulate;

namespace LoRaWan.Cli
{
    /// <summary>
    /// lorawan simulate: a virtual ESP32 + SX1276 running the real driver and MAC on a simulated network
    /// (<see cref="InProcessSimulation"/>) or, with <c>--udp</c>, behind a virtual gateway talking to a real network server
    /// (<see cref="UdpSimulation"/>). Options: <see cref="SimulateOptions"/>.
    /// </summary>
    public static class SimulateCommand
    {
        const string Description =
            "A simulated ESP32 + SX1276 (the real driver and MAC on a register-level chip model) joins a simulated network " +
            "(The Things Stack behaviour) and sends on it, printing a timeline and a summary. Exit code 0 only when the device " +
            "has a session and every application downlink the network sent arrived.";

        /// <summary>The <c>simulate</c> command for <see cref="Program.Root"/>.</summary>
        public static readonly Command Command = SimulateOptions.Set.Command("simulate", Description,
            p => Execute(new SimulationSettings(p), p.InvocationConfiguration.Output));

        /// <summary>Runs <c>lorawan simulate</c> with <paramref name="args"/> (the arguments after the command name).</summary>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Program.Run(Program.With("simulate", args), stdout, stderr);

        static int Execute(SimulationSettings s, TextWriter stdout) =>
            s.Given(SimulateOptions.Udp) ? UdpSimulation.Run(s, stdout) : new InProcessSimulation(s, stdout).Run();
    }
}
