using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;

namespace NanoCheck
{
    /// <summary>
    /// Rejects IL that the C# compiler accepts but nanoCLR 1.x cannot load or execute: generic type and
    /// method definitions and instantiations, multi-dimensional arrays, function pointers, default
    /// interface methods, the opcodes the interpreter does not implement, and [TestClass] types with
    /// instance state (the device test runner never constructs a test class).
    /// </summary>
    public static class IlCheck
    {
        static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null)).ToDictionary(o => o.Value);

        static readonly Dictionary<short, string> Forbidden = new()
        {
            [OpCodes.Localloc.Value] = "localloc (stackalloc)",
            [OpCodes.Cpblk.Value] = "cpblk",
            [OpCodes.Initblk.Value] = "initblk",
            [OpCodes.Calli.Value] = "calli (function pointer call)",
            [OpCodes.Jmp.Value] = "jmp",
            [OpCodes.Arglist.Value] = "arglist (__arglist)",
            [OpCodes.Ckfinite.Value] = "ckfinite",
            [OpCodes.Mkrefany.Value] = "mkrefany (__makeref)",
            [OpCodes.Refanytype.Value] = "refanytype (__reftype)",
            [OpCodes.Refanyval.Value] = "refanyval (__refvalue)",
        };

        public static List<Finding> Check(Compilation compilation, byte[] image, byte[] pdbImage)
        {
            var findings = new List<Finding>();
            using var pe = new PEReader(ImmutableArray.Create(image));
            var md = pe.GetMetadataReader();
            using var pdbProvider = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(pdbImage));
            var pdb = pdbProvider.GetMetadataReader();
            var ctx = new Context(compilation, md, pdb, findings);

            foreach (var th in md.TypeDefinitions)
            {
                var type = md.GetTypeDefinition(th);
                string typeName = ctx.TypeName(th);
                if (typeName == "<Module>") continue;
                if (type.GetGenericParameters().Count > 0)
                    ctx.AtType(th, $"{typeName}: generic type definition — nanoCLR 1.x has no generics");
                if (!type.BaseType.IsNil) ctx.CheckTypeHandle(type.BaseType, th, null, $"{typeName} base type");
                foreach (var ih in type.GetInterfaceImplementations())
                    ctx.CheckTypeHandle(md.GetInterfaceImplementation(ih).Interface, th, null, $"{typeName} interface");
                bool isInterface = (type.Attributes & System.Reflection.TypeAttributes.Interface) != 0;
                bool isTestClass = type.GetCustomAttributes().Any(a => ctx.AttributeTypeName(a) == "nanoFramework.TestFramework.TestClassAttribute");

                foreach (var fh in type.GetFields())
                {
                    var field = md.GetFieldDefinition(fh);
                    string fname = $"{typeName}.{md.GetString(field.Name)}";
                    ctx.CheckSignature(() => field.DecodeSignature(ctx.Provider, null), th, null, fname);
                    if (isTestClass && (field.Attributes & System.Reflection.FieldAttributes.Static) == 0)
                        ctx.AtType(th, $"{fname}: [TestClass] types must not have instance fields or auto-properties — the nanoFramework test runner invokes test methods without creating an instance");
                }
                foreach (var eh in type.GetEvents())
                {
                    var ev = md.GetEventDefinition(eh);
                    ctx.CheckTypeHandle(ev.Type, th, null, $"{typeName}.{md.GetString(ev.Name)} event type");
                }
                foreach (var mh in type.GetMethods())
                {
                    var method = md.GetMethodDefinition(mh);
                    string mname = $"{typeName}.{md.GetString(method.Name)}";
                    if (method.GetGenericParameters().Count > 0)
                        ctx.AtMethod(mh, th, 0, $"{mname}: generic method definition — nanoCLR 1.x has no generics");
                    if (isInterface && (method.Attributes & (System.Reflection.MethodAttributes.Abstract | System.Reflection.MethodAttributes.Static)) == 0)
                        ctx.AtMethod(mh, th, 0, $"{mname}: default interface method — not supported by nanoCLR 1.x");
                    ctx.CheckSignature(() => method.DecodeSignature(ctx.Provider, null), th, mh, mname);
                    if (method.RelativeVirtualAddress != 0)
                        ScanBody(ctx, pe.GetMethodBody(method.RelativeVirtualAddress), th, mh, mname);
                }
            }
            return findings;
        }

        static void ScanBody(Context ctx, MethodBodyBlock body, TypeDefinitionHandle th, MethodDefinitionHandle mh, string mname)
        {
            if (!body.LocalSignature.IsNil)
            {
                var sig = ctx.Md.GetStandaloneSignature(body.LocalSignature);
                ctx.CheckSignature(() => sig.DecodeLocalSignature(ctx.Provider, null), th, mh, $"{mname} locals");
            }
            var il = body.GetILBytes();
            int pos = 0;
            while (pos < il.Length)
            {
                int start = pos;
                short value = il[pos++];
                if (value == 0xFE) value = (short)(0xFE00 | il[pos++]);
                if (!OpCodesByValue.TryGetValue(value, out var op))
                {
                    ctx.AtMethod(mh, th, start, $"{mname}: unknown IL opcode 0x{value:X}");
                    return;
                }
                if (Forbidden.TryGetValue(op.Value, out var why))
                    ctx.AtMethod(mh, th, start, $"{mname}: uses the IL opcode {why}, which nanoCLR 1.x does not implement");
                int size = op.OperandType switch
                {
                    OperandType.InlineNone => 0,
                    OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                    OperandType.InlineVar => 2,
                    OperandType.InlineI8 or OperandType.InlineR => 8,
                    OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, pos),
                    _ => 4,
                };
                if (op.OperandType is OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok or OperandType.InlineField or OperandType.InlineSig)
                    ctx.CheckToken(BitConverter.ToInt32(il, pos), th, mh, start, mname);
                pos += size;
            }
        }

        sealed class Context
        {
            public readonly Compilation Compilation;
            public readonly MetadataReader Md;
            readonly MetadataReader _pdb;
            readonly List<Finding> _findings;
            readonly HashSet<string> _seen = new();
            public readonly Provider Provider = new();

            public Context(Compilation c, MetadataReader md, MetadataReader pdb, List<Finding> findings)
            { Compilation = c; Md = md; _pdb = pdb; _findings = findings; }

            public string TypeName(TypeDefinitionHandle th)
            {
                var t = Md.GetTypeDefinition(th);
                string name = Md.GetString(t.Name);
                var outer = t.GetDeclaringType();
                if (!outer.IsNil) return TypeName(outer) + "+" + name;
                string ns = Md.GetString(t.Namespace);
                return ns.Length == 0 ? name : ns + "." + name;
            }

            public string AttributeTypeName(CustomAttributeHandle h)
            {
                var a = Md.GetCustomAttribute(h);
                EntityHandle parent = a.Constructor.Kind == HandleKind.MemberReference
                    ? Md.GetMemberReference((MemberReferenceHandle)a.Constructor).Parent
                    : Md.GetMethodDefinition((MethodDefinitionHandle)a.Constructor).GetDeclaringType();
                if (parent.Kind == HandleKind.TypeReference)
                {
                    var tr = Md.GetTypeReference((TypeReferenceHandle)parent);
                    return Md.GetString(tr.Namespace) + "." + Md.GetString(tr.Name);
                }
                if (parent.Kind == HandleKind.TypeDefinition) return TypeName((TypeDefinitionHandle)parent);
                return "";
            }

            void Add(string file, int line, string message)
            {
                if (_seen.Add(file + "|" + line + "|" + message))
                    _findings.Add(new Finding(file, line, "NF010", message));
            }

            public void AtType(TypeDefinitionHandle th, string message)
            {
                var sym = Compilation.GetTypeByMetadataName(TypeName(th));
                var span = sym?.Locations.FirstOrDefault(l => l.IsInSource)?.GetLineSpan();
                if (span.HasValue) Add(span.Value.Path, span.Value.StartLinePosition.Line + 1, message);
                else
                {
                    // compiler-generated type (closure, lambda cache): blame the first method with source
                    foreach (var mh in Md.GetTypeDefinition(th).GetMethods())
                        if (TryLocate(mh, 0, out var f, out var l)) { Add(f, l, message); return; }
                    Add(Compilation.AssemblyName, 0, message);
                }
            }

            public void AtMethod(MethodDefinitionHandle mh, TypeDefinitionHandle th, int ilOffset, string message)
            {
                if (TryLocate(mh, ilOffset, out var file, out var line)) Add(file, line, message);
                else AtType(th, message);
            }

            bool TryLocate(MethodDefinitionHandle mh, int ilOffset, out string file, out int line)
            {
                file = null; line = 0;
                var info = _pdb.GetMethodDebugInformation(mh.ToDebugInformationHandle());
                if (info.SequencePointsBlob.IsNil) return false;
                SequencePoint? best = null;
                foreach (var sp in info.GetSequencePoints())
                {
                    if (sp.IsHidden) continue;
                    if (best == null || sp.Offset <= ilOffset) best = sp;
                    if (sp.Offset > ilOffset) break;
                }
                if (best == null) return false;
                file = _pdb.GetString(_pdb.GetDocument(best.Value.Document).Name);
                line = best.Value.StartLine;
                return true;
            }

            void Report(TypeDefinitionHandle th, MethodDefinitionHandle? mh, int offset, string what)
            {
                foreach (var p in Provider.TakeProblems())
                {
                    string msg = $"{what}: {p}";
                    if (mh.HasValue) AtMethod(mh.Value, th, offset, msg); else AtType(th, msg);
                }
            }

            public void CheckSignature(Action decode, TypeDefinitionHandle th, MethodDefinitionHandle? mh, string what)
            {
                try { decode(); } catch (BadImageFormatException) { }
                Report(th, mh, 0, what);
            }

            public void CheckTypeHandle(EntityHandle h, TypeDefinitionHandle th, MethodDefinitionHandle? mh, string what)
            {
                if (h.Kind == HandleKind.TypeSpecification)
                {
                    try { Md.GetTypeSpecification((TypeSpecificationHandle)h).DecodeSignature(Provider, null); } catch (BadImageFormatException) { }
                    Report(th, mh, 0, what);
                }
            }

            public void CheckToken(int token, TypeDefinitionHandle th, MethodDefinitionHandle mh, int offset, string mname)
            {
                EntityHandle h;
                try { h = MetadataTokens.EntityHandle(token); } catch (ArgumentException) { return; }
                try
                {
                    switch (h.Kind)
                    {
                        case HandleKind.TypeSpecification:
                            Md.GetTypeSpecification((TypeSpecificationHandle)h).DecodeSignature(Provider, null);
                            break;
                        case HandleKind.MethodSpecification:
                            var ms = Md.GetMethodSpecification((MethodSpecificationHandle)h);
                            Provider.Problem($"calls the generic method instantiation {Provider.MemberName(Md, ms.Method)}<...> — nanoCLR 1.x has no generics");
                            break;
                        case HandleKind.MemberReference:
                            var mr = Md.GetMemberReference((MemberReferenceHandle)h);
                            if (mr.Parent.Kind == HandleKind.TypeSpecification)
                                Md.GetTypeSpecification((TypeSpecificationHandle)mr.Parent).DecodeSignature(Provider, null);
                            if (mr.GetKind() == MemberReferenceKind.Method) mr.DecodeMethodSignature(Provider, null);
                            else mr.DecodeFieldSignature(Provider, null);
                            break;
                        case HandleKind.StandaloneSignature:
                            var ss = Md.GetStandaloneSignature((StandaloneSignatureHandle)h);
                            if (ss.GetKind() == StandaloneSignatureKind.Method) ss.DecodeMethodSignature(Provider, null);
                            break;
                    }
                }
                catch (BadImageFormatException) { }
                Report(th, mh, offset, mname);
            }
        }

        /// <summary>Decodes signatures to readable names and records every construct nanoCLR 1.x lacks.</summary>
        sealed class Provider : ISignatureTypeProvider<string, object>
        {
            readonly List<string> _problems = new();
            public void Problem(string p) { if (!_problems.Contains(p)) _problems.Add(p); }
            public List<string> TakeProblems() { var r = _problems.ToList(); _problems.Clear(); return r; }

            public string MemberName(MetadataReader md, EntityHandle h) => h.Kind switch
            {
                HandleKind.MethodDefinition => md.GetString(md.GetMethodDefinition((MethodDefinitionHandle)h).Name),
                HandleKind.MemberReference => md.GetString(md.GetMemberReference((MemberReferenceHandle)h).Name),
                _ => "?",
            };

            public string GetArrayType(string elementType, ArrayShape shape)
            {
                Problem($"uses the multi-dimensional array type {elementType}[{new string(',', shape.Rank - 1)}] — nanoCLR 1.x supports only single-dimensional arrays");
                return elementType + "[" + new string(',', shape.Rank - 1) + "]";
            }
            public string GetFunctionPointerType(MethodSignature<string> signature)
            {
                Problem("uses a function pointer type — not supported by nanoCLR 1.x");
                return "delegate*";
            }
            public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments)
            {
                string name = genericType.Split('`')[0] + "<" + string.Join(", ", typeArguments) + ">";
                Problem($"uses the generic type instantiation {name} — nanoCLR 1.x has no generics");
                return name;
            }
            public string GetByReferenceType(string elementType) => elementType + "&";
            public string GetGenericMethodParameter(object genericContext, int index) => "!!" + index;
            public string GetGenericTypeParameter(object genericContext, int index) => "!" + index;
            public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
            public string GetPinnedType(string elementType) => elementType;
            public string GetPointerType(string elementType) => elementType + "*";
            public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();
            public string GetSZArrayType(string elementType) => elementType + "[]";
            public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
            {
                var t = reader.GetTypeDefinition(handle);
                return reader.GetString(t.Namespace) + "." + reader.GetString(t.Name);
            }
            public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
            {
                var t = reader.GetTypeReference(handle);
                return reader.GetString(t.Namespace) + "." + reader.GetString(t.Name);
            }
            public string GetTypeFromSpecification(MetadataReader reader, object genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
                => reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
        }
    }
}
