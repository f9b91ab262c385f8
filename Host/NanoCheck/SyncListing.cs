using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace NanoCheck
{
    /// <summary>
    /// Rewrites the &lt;Compile Include&gt; item group of each device .nfproj so it lists exactly the .cs files on
    /// disk (nfproj does not glob), followed by the linked sources from outside the folder it already lists.
    /// Run: dotnet run --project Host/NanoCheck -- --sync-listing
    /// </summary>
    public static class SyncListing
    {
        static readonly Regex CompileGroup = new(@"[ \t]*<ItemGroup>\s*(?:<Compile Include=""[^""]*""(?:\s+Link=""[^""]*"")?\s*/>\s*)*</ItemGroup>[ \t]*\r?\n", RegexOptions.Singleline);
        static readonly Regex EmptyGroupAfterProps = new(@"(<Import Project=""\$\(NanoFrameworkProjectSystemPath\)NFProjectSystem\.props""[^>]*/>\r?\n)");

        public static int Run(string root)
        {
            foreach (var name in Guard.DeviceProjects(root))
            {
                var p = NfProject.Load(root, name);
                if (p.ProjectFile == null) continue;
                string text = File.ReadAllText(p.ProjectFile);
                string newline = text.Contains("\r\n") ? "\r\n" : "\n";
                var sb = new StringBuilder();
                sb.Append("  <ItemGroup>").Append(newline);
                foreach (var f in p.SourcesOnDisk())
                    sb.Append("    <Compile Include=\"").Append(f.Replace('/', '\\')).Append("\" />").Append(newline);
                // Linked sources from outside the folder (e.g. ..\boards\Boards.cs) are kept as listed, with their Link.
                foreach (var f in p.Compile.Where(NfProject.IsOutsideFolder).Distinct().OrderBy(f => f, StringComparer.Ordinal))
                {
                    sb.Append("    <Compile Include=\"").Append(f.Replace('/', '\\')).Append('"');
                    if (p.CompileLinks.TryGetValue(f, out var link)) sb.Append(" Link=\"").Append(link).Append('"');
                    sb.Append(" />").Append(newline);
                }
                sb.Append("  </ItemGroup>");
                // Remove every item group that holds only Compile items (or nothing), then put one fresh
                // group right after the NFProjectSystem.props import, where the project templates keep it.
                string stripped = CompileGroup.Replace(text, "");
                stripped = Regex.Replace(stripped, @"\r?\n[ \t]*\r?\n", newline);
                string updated = EmptyGroupAfterProps.Replace(stripped, "$1" + sb + newline, 1);
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
