using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NanoCheck
{
    /// <summary>
    /// The shape limits of the stack's libraries (issue 14, shared/DESIGN.md "The MAC as it grows"; every assembly of
    /// <see cref="LayerCheck.StackProjects"/>, each measured and reported on its own): no class with more than
    /// <see cref="MaxFields"/> instance fields or more than <see cref="MaxBools"/> bool fields (counted in the compiled
    /// metadata, so auto-property and event backing fields count), no function longer than <see cref="MaxLines"/> lines
    /// (counted in the syntax, from the signature to the closing brace, comments above it excluded).
    /// </summary>
    public static class ShapeLimits
    {
        /// <summary>The projects held to these limits (as <see cref="NfProject.Name"/>): every library of the LoRaWAN stack.</summary>
        public static readonly string[] Projects = LayerCheck.StackProjects;
        /// <summary>
        /// Types over the field limit that are not held to it yet (other owners' areas, issue 14 still open): printed as
        /// over the limit, not failed. Remove a name once its type fits; the guard then keeps it there.
        /// </summary>
        public static readonly string[] NotYetHeld = { };
        public const int MaxFields = 25;
        public const int MaxBools = 6;
        public const int MaxLines = 60;

        /// <summary>Largest class by fields, by bools, and the longest function of <paramref name="compilation"/>.</summary>
        public sealed record Shape(string Project, string FieldsType, int Fields, string BoolsType, int Bools, string LongestFunction, int Lines, string NotYetHeld);

        public static Shape Measure(string project, CSharpCompilation compilation, byte[] image, string root, List<Finding> findings)
        {
            string fieldsType = "", boolsType = "", longest = "";
            int fields = 0, bools = 0, lines = 0;
            var pending = new List<string>();
            using (var pe = new PEReader(ImmutableArray.Create(image)))
            {
                var md = pe.GetMetadataReader();
                foreach (var h in md.TypeDefinitions)
                {
                    var t = md.GetTypeDefinition(h);
                    string name = md.GetString(t.Name);
                    if (name.StartsWith("<")) continue;   // compiler-generated
                    string full = md.GetString(t.Namespace) + "." + name;
                    int n = 0, b = 0;
                    foreach (var fh in t.GetFields())
                    {
                        var f = md.GetFieldDefinition(fh);
                        if ((f.Attributes & (FieldAttributes.Static | FieldAttributes.Literal)) != 0) continue;
                        n++;
                        var sig = md.GetBlobReader(f.Signature);
                        sig.ReadByte();                                 // FIELD
                        if (sig.ReadByte() == 0x02) b++;                // ELEMENT_TYPE_BOOLEAN
                    }
                    if (NotYetHeld.Contains(full))
                    {
                        pending.Add($"{full} ({n} fields, {b} bools)");
                        continue;
                    }
                    if (n > fields) { fields = n; fieldsType = full; }
                    if (b > bools) { bools = b; boolsType = full; }
                    if (n > MaxFields)
                        findings.Add(new Finding(project, 1, "NF301", $"{full} has {n} instance fields; at most {MaxFields} (issue 14): give the work it does an object of its own"));
                    if (b > MaxBools)
                        findings.Add(new Finding(project, 1, "NF302", $"{full} has {b} bool fields; at most {MaxBools} (issue 14): a state, not flags"));
                }
            }
            foreach (var tree in compilation.SyntaxTrees)
            {
                foreach (var node in tree.GetRoot().DescendantNodes())
                {
                    string what;
                    switch (node)
                    {
                        case BaseMethodDeclarationSyntax m when m.Body != null || m.ExpressionBody != null:
                            what = (m.Parent as BaseTypeDeclarationSyntax)?.Identifier.Text + "." + (m is MethodDeclarationSyntax md2 ? md2.Identifier.Text : m is ConstructorDeclarationSyntax ? ".ctor" : m.Kind().ToString());
                            break;
                        case AccessorDeclarationSyntax a when a.Body != null:
                            what = (a.Parent?.Parent as BasePropertyDeclarationSyntax) is PropertyDeclarationSyntax p ? p.Identifier.Text + "." + a.Keyword.Text : a.Keyword.Text;
                            break;
                        case LocalFunctionStatementSyntax l:
                            what = l.Identifier.Text;
                            break;
                        default: continue;
                    }
                    var span = node.GetLocation().GetLineSpan();
                    int n = span.EndLinePosition.Line - span.StartLinePosition.Line + 1;
                    if (n > lines) { lines = n; longest = what; }
                    if (n > MaxLines)
                        findings.Add(new Finding(span.Path ?? project, span.StartLinePosition.Line + 1, "NF303", $"{what} is {n} lines long; at most {MaxLines} (issue 14): split it"));
                }
            }
            return new Shape(project, fieldsType, fields, boolsType, bools, longest, lines, string.Join(", ", pending));
        }

        public static string Summary(Shape s) =>
            $"  shape of {s.Project} (limits {MaxFields} fields, {MaxBools} bools, {MaxLines} lines): most fields {s.FieldsType} ({s.Fields}), most bools {s.BoolsType} ({s.Bools}), longest function {s.LongestFunction} ({s.Lines} lines)" +
            (s.NotYetHeld.Length > 0 ? $"; not yet held to the field limit: {s.NotYetHeld}" : "");
    }
}
