using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace NanoCheck
{
    /// <summary>
    /// One nanoFramework assembly the device projects may reference: the real reference assembly from the
    /// NuGet feed (mscorlib, see <see cref="CoreLibrary"/>) or a declared surface (Host/NanoApi/&lt;Name&gt;/*.cs)
    /// for a package the feed does not serve.
    /// </summary>
    public sealed record SurfaceAssembly(string Name, string PackageId, string Version, string[] Dependencies, string FileName);

    /// <summary>
    /// The nanoFramework packages the device projects may reference, with the versions of
    /// shared/NANOFRAMEWORK.md: mscorlib is the package's own mscorlib.dll; the others are declaration-only
    /// reference assemblies compiled once per process against it.
    /// </summary>
    public static class Surface
    {
        public static readonly SurfaceAssembly[] Assemblies =
        {
            new("mscorlib", "nanoFramework.CoreLibrary", "1.17.11", Array.Empty<string>(), "mscorlib.dll"),
            new("nanoFramework.Runtime.Native", "nanoFramework.Runtime.Native", "1.7.11", new[] { "mscorlib" }, "nanoFramework.Runtime.Native.dll"),
            new("nanoFramework.Runtime.Events", "nanoFramework.Runtime.Events", "1.11.39", new[] { "mscorlib" }, "nanoFramework.Runtime.Events.dll"),
            new("System.Device.Gpio", "nanoFramework.System.Device.Gpio", "1.1.62", new[] { "mscorlib", "nanoFramework.Runtime.Events" }, "System.Device.Gpio.dll"),
            new("System.Device.Spi", "nanoFramework.System.Device.Spi", "1.3.89", new[] { "mscorlib" }, "System.Device.Spi.dll"),
            new("System.Device.I2c", "nanoFramework.System.Device.I2c", "1.1.29", new[] { "mscorlib" }, "System.Device.I2c.dll"),
            new("nanoFramework.Hardware.Esp32", "nanoFramework.Hardware.Esp32", "1.6.40", new[] { "mscorlib" }, "nanoFramework.Hardware.Esp32.dll"),
            new("System.IO.FileSystem", "nanoFramework.System.IO.FileSystem", "1.1.93", new[] { "mscorlib" }, "System.IO.FileSystem.dll"),
            new("System.Device.Adc", "nanoFramework.System.Device.Adc", "1.1.24", new[] { "mscorlib" }, "System.Device.Adc.dll"),
            new("nanoFramework.TestFramework", "nanoFramework.TestFramework", "3.0.80", new[] { "mscorlib" }, "nanoFramework.TestFramework.dll"),
        };

        /// <summary>Referenced by test projects for the device runner; it declares nothing the tests call.</summary>
        public static readonly SurfaceAssembly UnitTestLauncher =
            new("nanoFramework.UnitTestLauncher", "nanoFramework.TestFramework", "3.0.80", Array.Empty<string>(), "nanoFramework.UnitTestLauncher.exe");

        static readonly object Gate = new();
        static Dictionary<string, MetadataReference> _built;

        public static SurfaceAssembly Find(string packageId, string fileName) =>
            Assemblies.Concat(new[] { UnitTestLauncher })
                .FirstOrDefault(a => a.PackageId.Equals(packageId, StringComparison.OrdinalIgnoreCase)
                                     && a.FileName.Equals(fileName, StringComparison.OrdinalIgnoreCase));

        /// <summary>Compiles every surface assembly (metadata only). Throws if the surface itself is broken.</summary>
        public static Dictionary<string, MetadataReference> Build(string root)
        {
            lock (Gate)
            {
                if (_built != null) return _built;
                var built = new Dictionary<string, MetadataReference>();
                built["mscorlib"] = MetadataReference.CreateFromImage(CoreLibrary.Dll, filePath: "mscorlib.dll");
                foreach (var asm in Assemblies.Where(a => a.Name != "mscorlib"))
                {
                    string dir = Path.Combine(root, "Host", "NanoApi", asm.Name);
                    var trees = Directory.GetFiles(dir, "*.cs", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal)
                        .Select(f => CSharpSyntaxTree.ParseText(Microsoft.CodeAnalysis.Text.SourceText.From(File.ReadAllText(f), System.Text.Encoding.UTF8), Guard.ParseOptions, f)).ToArray();
                    var refs = asm.Dependencies.Select(d => built[d]).ToArray();
                    var compilation = CSharpCompilation.Create(asm.Name, trees, refs,
                        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
                    using var ms = new MemoryStream();
                    var result = compilation.Emit(ms, options: new EmitOptions(metadataOnly: true));
                    if (!result.Success)
                    {
                        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString());
                        throw new InvalidOperationException($"the API surface {asm.Name} does not compile against nanoFramework.CoreLibrary {CoreLibrary.Version}:\n  " + string.Join("\n  ", errors));
                    }
                    built[asm.Name] = MetadataReference.CreateFromImage(ms.ToArray(), filePath: asm.FileName);
                }
                return _built = built;
            }
        }
    }
}

namespace NanoCheck
{
    /// <summary>
    /// nanoFramework.CoreLibrary as the NuGet feed serves it (the package the device projects reference):
    /// lib/mscorlib.dll, the reference assembly device code is compiled against, and lib/mscorlib.pe, what
    /// the metadata processor made of it. NanoCheck.csproj downloads the package and embeds both files.
    /// </summary>
    public static class CoreLibrary
    {
        public const string Version = "1.17.11";
        static byte[] _dll, _pe;
        public static byte[] Dll => _dll ??= Read("mscorlib.dll");
        public static byte[] Pe => _pe ??= Read("mscorlib.pe");

        static byte[] Read(string file)
        {
            using var s = typeof(CoreLibrary).Assembly.GetManifestResourceStream("nanoFramework.CoreLibrary/" + file)
                ?? throw new InvalidOperationException($"nanoFramework.CoreLibrary/{file} is not embedded in NanoCheck (restore nanoFramework.CoreLibrary {Version})");
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            return ms.ToArray();
        }
    }
}
