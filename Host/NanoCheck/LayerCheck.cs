using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace NanoCheck
{
    /// <summary>
    /// The layers of the stack as assemblies, and the rule that keeps them layers: each library of the stack may
    /// reference only the projects below it (NF400). The stack is split along its namespaces because the .pe format
    /// gives one assembly at most 64 KB of byte code (PeLimits); the split also makes the layer boundaries facts of
    /// the project references: the driver references LoRaWan.Radio alone, so it cannot even compile a use of the
    /// regional parameters or the MAC. Projects outside this table (Simulation, Firmware, the tests) may reference
    /// any library; cycles are NF106 for every project.
    /// </summary>
    public static class LayerCheck
    {
        /// <summary>A library of the stack: its project (as <see cref="NfProject.Name"/>), what it holds, and the projects it may reference.</summary>
        public sealed record Layer(string Project, string Holds, string[] MayReference, string Why);

        /// <summary>The libraries, lowest first: the order they build in and are deployed in.</summary>
        public static readonly Layer[] Layers =
        {
            new("LoRaWan.Radio", "LoRaWan.Radio, LoRaWan.Platform", Array.Empty<string>(),
                "the contracts a radio driver implements and the MAC uses (IRadio, the platform's clock, alarm and store) and the LoRa modulation math; it depends on nothing"),
            new("LoRaWan.Codec", "LoRaWan.Crypto, LoRaWan.Frames", Array.Empty<string>(),
                "bytes on the air <-> fields: frames, MAC commands, AES, CMAC, MICs, key derivation; it knows neither radio nor region"),
            new("LoRaWan.Regions", "LoRaWan.Regions", new[] { "LoRaWan.Radio" },
                "the regional parameters: channel plans, data rates, duty cycle; they use the LoRa air-time math and the radio's carrier sense, nothing of the frames or the MAC"),
            new("LoRaWan.Mac", "LoRaWan.Mac, LoRaWan.Session, LoRaWan (the LoRaWanDevice facade)", new[] { "LoRaWan.Radio", "LoRaWan.Codec", "LoRaWan.Regions" },
                "the top of the stack"),
            new("LoRaWan.Certification", "LoRaWan.Certification", new[] { "LoRaWan.Radio", "LoRaWan.Codec", "LoRaWan.Regions", "LoRaWan.Mac" },
                "the opt-in TS009 certification package on FPort 224, above the MAC (wired through MacWiring.Certification); nothing below it knows it"),
            new("Drivers.Sx127x", "Drivers.Sx127x", new[] { "LoRaWan.Radio" },
                "the driver knows the chip and the radio contract it implements, not the regional parameters, the frames or the MAC; the LoRa modulation math it needs is LoRaWan.Radio.AirTime"),
        };

        /// <summary>The libraries of the LoRaWAN stack proper (every layer but the driver), lowest first.</summary>
        public static string[] StackProjects => Layers.Where(l => l.Project.StartsWith("LoRaWan.", StringComparison.Ordinal)).Select(l => l.Project).ToArray();

        /// <summary>The finding NF400 for every project reference of <paramref name="project"/> outside its layer's allowance.</summary>
        public static IEnumerable<Finding> Check(string root, NfProject project)
        {
            var layer = Layers.FirstOrDefault(l => l.Project == project.Name);
            if (layer == null) yield break;
            string file = project.ProjectFile == null ? project.Name : Path.GetRelativePath(root, project.ProjectFile).Replace('\\', '/');
            foreach (var d in project.ProjectReferences.Where(d => !layer.MayReference.Contains(d)))
                yield return new Finding(file, 1, "NF400",
                    $"{project.Name} references {d}; it may reference only {(layer.MayReference.Length == 0 ? "no project" : string.Join(", ", layer.MayReference))}: {layer.Why}");
        }
    }
}
