using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace NanoCheck
{
    /// <summary>
    /// Rewrites the &lt;Compile Include&gt; item group of each device .nfproj so it lists exactly the .cs files on
    /// disk (nfproj does not glob). Run: dotnet run --project Host/NanoCheck -- --sync-listing
    /// </summary>
    public static class SyncListing
    {
        static readonly Regex CompileGroup = new(@"(?<indent>[ \t]*)<ItemGroup>\s*(?:<Compile Include=""[^""]*""\s*/>\s*)*</ItemGroup>", RegexOptions.Singleline);
        static readonly Regex EmptyGroupAfterProps = new(@"(<Import Project=""\$\(NanoFrameworkProjectSystemPath\)NFProjectSystem\.props""[^>]*/>\r?\n)");

        public static int Run(string root)
        {
            foreach (var name in Guard.DeviceProjects)
            {
                var p = NfProject.Load(root, name);
                if (p.ProjectFile == null) continue;
                string text = File.ReadAllText(p.ProjectFile);
                string newline = text.Contains("\r\n") ? "\r\n" : "\n";
                var sb = new StringBuilder();
                sb.Append("  <ItemGroup>").Append(newline);
                foreach (var f in p.SourcesOnDisk())
                    sb.Append("    <Compile Include=\"").Append(f.Replace('/', '\\')).Append("\" />").Append(newline);
                sb.Append("  </ItemGroup>");
                string updated;
                if (CompileGroup.IsMatch(text)) updated = CompileGroup.Replace(text, sb.ToString(), 1);
                else updated = EmptyGroupAfterProps.Replace(text, "$1" + sb + newline, 1);
                if (updated != text)
                {
                    File.WriteAllText(p.ProjectFile, updated);
                    Console.WriteLine($"updated {Path.GetRelativePath(root, p.ProjectFile)}");
                }
            }
            return 0;
        }
    }
}
