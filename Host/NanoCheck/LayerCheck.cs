using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NanoCheck
{
    /// <summary>
    /// Layer boundaries a project reference cannot express: the driver references LoRaWan.Mac (for the radio
    /// interface it implements) and so could use any of it, but the regional parameters are none of its business.
    /// Each rule names a device project and a namespace it must not use; every name in the project's sources that
    /// binds to a namespace, type or member of that namespace (a using directive included) is a finding NF400.
    /// </summary>
    public static class LayerCheck
    {
        /// <summary>One forbidden use: <see cref="Project"/> must not use <see cref="Namespace"/> (or a namespace inside it).</summary>
        public sealed record Rule(string Project, string Namespace, string Why);

        /// <summary>The boundaries the guard enforces.</summary>
        public static readonly Rule[] Rules =
        {
            new("Drivers.Sx127x", "LoRaWan.Regions",
                "the driver knows the chip, not the regional parameters; LoRa modulation math (symbol time, air time, the LDRO rule) is LoRaWan.Radio.AirTime"),
        };

        /// <summary>The findings of the rules that apply to <paramref name="project"/> (a project name as in <see cref="NfProject.Name"/>).</summary>
        public static IEnumerable<Finding> Check(string project, Compilation compilation)
        {
            var rules = Rules.Where(r => r.Project == project).ToList();
            if (rules.Count == 0) yield break;
            foreach (var tree in compilation.SyntaxTrees)
            {
                var model = compilation.GetSemanticModel(tree);
                var seen = new HashSet<(int, string)>();   // one finding per line and rule
                foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
                {
                    var info = model.GetSymbolInfo(name);
                    var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
                    string ns = NamespaceOf(symbol);
                    if (ns == null) continue;
                    foreach (var rule in rules)
                    {
                        if (ns != rule.Namespace && !ns.StartsWith(rule.Namespace + ".", StringComparison.Ordinal)) continue;
                        int line = name.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                        string what = symbol is INamespaceSymbol ? ns : symbol.ToDisplayString();
                        if (seen.Add((line, rule.Namespace)))
                            yield return new Finding(tree.FilePath, line, "NF400", $"{project} uses {what}: {rule.Why}");
                    }
                }
            }
        }

        /// <summary>The namespace a symbol belongs to (its own name for a namespace), or null.</summary>
        static string NamespaceOf(ISymbol symbol)
        {
            switch (symbol)
            {
                case null: return null;
                case INamespaceSymbol n: return n.IsGlobalNamespace ? null : n.ToDisplayString();
                case IAliasSymbol a: return NamespaceOf(a.Target);
                case IArrayTypeSymbol arr: return NamespaceOf(arr.ElementType);
                case IMethodSymbol { ReducedFrom: { } original }: return NamespaceOf(original.ContainingType);
            }
            var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
            if (type == null) return null;
            while (type.ContainingType != null) type = type.ContainingType;
            var containing = type.ContainingNamespace;
            return containing == null || containing.IsGlobalNamespace ? null : containing.ToDisplayString();
        }
    }
}
