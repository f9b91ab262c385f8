using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text;

namespace NanoCheck
{
    /// <summary>One string of the .pe string table, with what put it there.</summary>
    public sealed record PeString(string Text, int Bytes, string Source);

    /// <summary>A type of the assembly with the counts the .pe type record stores in a byte.</summary>
    public sealed record PeTypeCounts(string Name, int VirtualMethods, int InstanceMethods, int StaticMethods, int StaticFields, int InstanceFields);

    /// <summary>A method with the per-method counts the .pe stores in a byte.</summary>
    public sealed record PeMethodCounts(string Name, int Arguments, int Locals, int ExceptionHandlers, int MaxSwitchTargets);

    /// <summary>
    /// What the nanoFramework metadata processor (nanoframework/metadata-processor v3.0.100, the version that
    /// builds .pe files for nanoCLR 1.x) makes of one compiled assembly, computed from its ECMA-335 metadata
    /// and IL: the string table, the byte-code table, an estimate of the signatures table and the row and
    /// per-type/per-method counts the .pe format limits. See <see cref="PeLimits"/> for the limits. Source
    /// references below are files of MetadataProcessor.Shared/ at tag v3.0.100.
    /// </summary>
    public sealed class PeImage
    {
        public string AssemblyName;
        /// <summary>Every distinct string of the table, first occurrence's source; sizes are UTF-8 bytes + NUL.</summary>
        public List<PeString> Strings = new();
        public int StringTableBytes => Strings.Sum(s => s.Bytes);
        public int ByteCodeBytes;
        /// <summary>#Blob heap + static array initialisers: an estimate, not the processor's exact encoding.</summary>
        public int SignaturesEstimateBytes;
        public int TypeDefs, TypeRefs, TypeSpecs, MethodDefs, MethodRefs, FieldDefs, FieldRefs, AssemblyRefs;
        public List<PeTypeCounts> Types = new();
        public List<PeMethodCounts> Methods = new();

        /// <summary>
        /// Attribute types the processor leaves out of the attributes table, so their arguments add no strings
        /// (nanoTablesContext.cs:19-67 IgnoringAttributes, plus the default exclusions of
        /// nanoTablesContext.cs:488-493 SetDefaultTypesToExclude). Type names, written from the .NET names.
        /// </summary>
        public static readonly HashSet<string> IgnoredAttributes = new(StringComparer.Ordinal)
        {
            "System.Reflection.AssemblyFileVersionAttribute", "System.Runtime.InteropServices.ComVisibleAttribute",
            "System.Runtime.InteropServices.GuidAttribute", "System.ParamArrayAttribute", "System.SerializableAttribute",
            "System.NonSerializedAttribute", "System.Runtime.InteropServices.StructLayoutAttribute",
            "System.Runtime.InteropServices.LayoutKind", "System.Runtime.InteropServices.OutAttribute",
            "System.Runtime.CompilerServices.ExtensionAttribute", "System.Runtime.CompilerServices.MethodImplAttribute",
            "System.Runtime.CompilerServices.NullableAttribute", "System.Runtime.CompilerServices.NullableContextAttribute",
            "System.Runtime.CompilerServices.InternalsVisibleToAttribute", "System.Runtime.CompilerServices.IndexerNameAttribute",
            "System.Runtime.CompilerServices.MethodImplOptions", "System.Runtime.CompilerServices.RefSafetyRulesAttribute",
            "System.Reflection.FieldNoReflectionAttribute", "System.Diagnostics.DebuggableAttribute",
            "System.Diagnostics.DebuggerBrowsableAttribute", "System.Diagnostics.DebuggerBrowsableState",
            "System.Diagnostics.DebuggerHiddenAttribute", "System.Diagnostics.DebuggerNonUserCodeAttribute",
            "System.Diagnostics.DebuggerStepThroughAttribute", "System.Diagnostics.DebuggerDisplayAttribute",
            "System.AttributeUsageAttribute", "System.CLSCompliantAttribute", "System.FlagsAttribute", "System.ObsoleteAttribute",
            "System.Diagnostics.ConditionalAttribute", "System.ComponentModel.EditorBrowsableAttribute",
            "System.Reflection.DefaultMemberAttribute", "System.MTAThreadAttribute", "System.STAThreadAttribute",
            "ThisAssembly", "System.Runtime.CompilerServices.AccessedThroughPropertyAttribute",
        };

        readonly Dictionary<string, PeString> _seen = new(StringComparer.Ordinal);

        /// <summary>
        /// nanoStringTable.GetOrCreateStringId (nanoStringTable.cs:88-112): each distinct string (ordinal) is
        /// stored once and costs its UTF-8 bytes plus a NUL terminator.
        /// The processor also resolves about 860 common names of the core libraries (".ctor", "System",
        /// "Object", "ToString"…) to a built-in constant table at no cost (nanoStringTable.cs:93,
        /// Utility/nanoStringsConstants.cs); the guard does not carry that list and counts those names too,
        /// so its figure is an upper bound, a little above the processor's.
        /// </summary>
        void Add(string s, string source)
        {
            if (s == null || _seen.ContainsKey(s)) return;
            var e = new PeString(s, Encoding.UTF8.GetByteCount(s) + 1, source);
            _seen.Add(s, e);
            Strings.Add(e);
        }

        public static PeImage Measure(byte[] image)
        {
            using var pe = new PEReader(ImmutableArray.Create(image));
            var md = pe.GetMetadataReader();
            var r = new PeImage { AssemblyName = md.GetString(md.GetAssemblyDefinition().Name) };

            // nanoStringTable.cs:70 — the first string of every table is the empty string.
            r.Add("", "(first entry)");
            // nanoTablesContext.cs:210 AssemblyReferenceTable.AllocateStrings: the name of every assembly reference.
            foreach (var h in md.AssemblyReferences) r.Add(md.GetString(md.GetAssemblyReference(h).Name), "assembly reference");
            // nanoTablesContext.cs:211 / nanoTypeReferenceTable.cs:88-93: namespace and name of every type reference.
            // A reference to an attribute type the processor ignores is used by nothing else: Minimize drops it
            // (nanoAssemblyBuilder.cs:169-182, then nanoStringTable.cs:188-189 re-allocates only what is left).
            foreach (var h in md.TypeReferences)
            {
                var t = md.GetTypeReference(h);
                if (IgnoredAttributes.Contains(Join(md.GetString(t.Namespace), md.GetString(t.Name)))) continue;
                if (t.ResolutionScope.Kind == HandleKind.TypeReference) // nested in an ignored attribute (DebuggableAttribute.DebuggingModes)
                {
                    var outer = md.GetTypeReference((TypeReferenceHandle)t.ResolutionScope);
                    if (IgnoredAttributes.Contains(Join(md.GetString(outer.Namespace), md.GetString(outer.Name)))) continue;
                }
                r.Add(md.GetString(t.Namespace), "namespace");
                r.Add(md.GetString(t.Name), "type reference");
            }
            // nanoTablesContext.cs:126-133,212-214: the name of every member reference of an external or constructed type.
            foreach (var h in md.MemberReferences)
            {
                var m = md.GetMemberReference(h);
                if (m.Parent.Kind is HandleKind.TypeReference or HandleKind.TypeSpecification)
                    r.Add(md.GetString(m.Name), "member reference");
            }

            var typeNames = new Dictionary<TypeDefinitionHandle, string>();
            string TypeName(TypeDefinitionHandle th)
            {
                if (typeNames.TryGetValue(th, out var n)) return n;
                var t = md.GetTypeDefinition(th);
                var outer = t.GetDeclaringType();
                n = !outer.IsNil ? TypeName(outer) + "+" + md.GetString(t.Name)
                    : (t.Namespace.IsNil || md.GetString(t.Namespace).Length == 0 ? "" : md.GetString(t.Namespace) + ".") + md.GetString(t.Name);
                return typeNames[th] = n;
            }

            var methodOwner = new Dictionary<MethodDefinitionHandle, string>();
            foreach (var th in md.TypeDefinitions)
            {
                var t = md.GetTypeDefinition(th);
                string tn = TypeName(th);
                if (tn == "<Module>") continue; // nanoTablesContext.cs:321 GetOrderedTypes skips <Module>
                r.TypeDefs++;
                // nanoTypeDefinitionTable.cs:102-105: namespace and name of every type definition.
                r.Add(md.GetString(t.Namespace), "namespace");
                r.Add(md.GetString(t.Name), "type " + tn);
                int sf = 0, inf = 0;
                foreach (var fh in t.GetFields())
                {
                    var f = md.GetFieldDefinition(fh);
                    // nanoTablesContext.cs:150: constants (const fields, enum members) are left out of the .pe.
                    if ((f.Attributes & FieldAttributes.HasDefault) != 0) continue;
                    r.FieldDefs++;
                    if ((f.Attributes & FieldAttributes.Static) != 0) sf++; else inf++;
                    // nanoTypeDefinitionTable.cs:184,208: every field's name.
                    r.Add(md.GetString(f.Name), "field " + tn);
                    r.AddAttributes(md, f.GetCustomAttributes(), "attribute on " + tn + "." + md.GetString(f.Name));
                    // nanoTypeDefinitionTable.cs:183: a static field's initial data (array initialisers) goes to the signatures table.
                    if ((f.Attributes & FieldAttributes.HasFieldRVA) != 0) r.SignaturesEstimateBytes += InitialDataSize(md, f);
                }
                int vm = 0, im = 0, sm = 0;
                foreach (var mh in t.GetMethods())
                {
                    var m = md.GetMethodDefinition(mh);
                    r.MethodDefs++;
                    if ((m.Attributes & MethodAttributes.Virtual) != 0) vm++;
                    else if ((m.Attributes & MethodAttributes.Static) != 0) sm++;
                    else im++;
                    string mn = tn + "." + md.GetString(m.Name);
                    methodOwner[mh] = mn;
                    // nanoTypeDefinitionTable.cs:302: every method's name.
                    r.Add(md.GetString(m.Name), "method " + tn);
                    r.AddAttributes(md, m.GetCustomAttributes(), "attribute on " + mn);
                }
                r.AddAttributes(md, t.GetCustomAttributes(), "attribute on " + tn);
                r.Types.Add(new PeTypeCounts(tn, vm, im, sm, sf, inf));
            }

            // nanoByteCodeTable.cs:57 + CodeWriter.cs:118, merged at nanoAssemblyBuilder.cs:1066: every string literal (ldstr).
            foreach (var (mh, mn) in methodOwner)
            {
                var m = md.GetMethodDefinition(mh);
                var sig = md.GetBlobReader(m.Signature);
                var header = sig.ReadSignatureHeader();
                if (header.IsGeneric) sig.ReadCompressedInteger();
                int paramCount = sig.ReadCompressedInteger();
                int args = paramCount + (header.IsInstance ? 1 : 0); // nanoMethodDefinitionTable.cs:80-86
                if (m.RelativeVirtualAddress == 0) { r.Methods.Add(new PeMethodCounts(mn, args, 0, 0, 0)); continue; }
                var body = pe.GetMethodBody(m.RelativeVirtualAddress);
                int locals = 0;
                if (!body.LocalSignature.IsNil)
                {
                    var ls = md.GetBlobReader(md.GetStandaloneSignature(body.LocalSignature).Signature);
                    ls.ReadSignatureHeader();
                    locals = ls.ReadCompressedInteger();
                }
                int maxSwitch = 0;
                r.ByteCodeBytes += ByteCodeSize(md, body, mn, r, ref maxSwitch);
                r.Methods.Add(new PeMethodCounts(mn, args, locals, body.ExceptionRegions.Length, maxSwitch));
            }
            // nanoAssemblyBuilder.cs:1067 and nanoAssemblyDefinition.cs:101: the assembly's own name.
            r.Add(r.AssemblyName, "assembly name");

            r.TypeRefs = md.TypeReferences.Count;
            r.TypeSpecs = md.GetTableRowCount(TableIndex.TypeSpec);
            r.AssemblyRefs = md.AssemblyReferences.Count;
            foreach (var h in md.MemberReferences)
            {
                var m = md.GetMemberReference(h);
                if (m.GetKind() == MemberReferenceKind.Field) r.FieldRefs++; else r.MethodRefs++;
            }
            r.SignaturesEstimateBytes += md.GetHeapSize(HeapIndex.Blob);
            return r;
        }

        /// <summary>The larger figure of two builds of one project (Release and Debug), each figure on its own.</summary>
        public static PeImage Larger(PeImage a, PeImage b)
        {
            var r = new PeImage { AssemblyName = a.AssemblyName };
            r.Strings = (a.StringTableBytes >= b.StringTableBytes ? a : b).Strings;
            r.ByteCodeBytes = Math.Max(a.ByteCodeBytes, b.ByteCodeBytes);
            r.SignaturesEstimateBytes = Math.Max(a.SignaturesEstimateBytes, b.SignaturesEstimateBytes);
            r.TypeDefs = Math.Max(a.TypeDefs, b.TypeDefs); r.TypeRefs = Math.Max(a.TypeRefs, b.TypeRefs);
            r.TypeSpecs = Math.Max(a.TypeSpecs, b.TypeSpecs); r.MethodDefs = Math.Max(a.MethodDefs, b.MethodDefs);
            r.MethodRefs = Math.Max(a.MethodRefs, b.MethodRefs); r.FieldDefs = Math.Max(a.FieldDefs, b.FieldDefs);
            r.FieldRefs = Math.Max(a.FieldRefs, b.FieldRefs); r.AssemblyRefs = Math.Max(a.AssemblyRefs, b.AssemblyRefs);
            r.Types = a.Types.Concat(b.Types).GroupBy(t => t.Name).Select(g => new PeTypeCounts(g.Key, g.Max(t => t.VirtualMethods),
                g.Max(t => t.InstanceMethods), g.Max(t => t.StaticMethods), g.Max(t => t.StaticFields), g.Max(t => t.InstanceFields))).ToList();
            r.Methods = a.Methods.Concat(b.Methods).GroupBy(m => m.Name).Select(g => new PeMethodCounts(g.Key, g.Max(m => m.Arguments),
                g.Max(m => m.Locals), g.Max(m => m.ExceptionHandlers), g.Max(m => m.MaxSwitchTargets))).ToList();
            return r;
        }

        static int InitialDataSize(MetadataReader md, FieldDefinition f)
        {
            var sig = md.GetBlobReader(f.Signature);
            sig.ReadSignatureHeader();
            var code = sig.ReadSignatureTypeCode();
            if (code == SignatureTypeCode.TypeHandle)
            {
                var h = sig.ReadTypeHandle();
                if (h.Kind == HandleKind.TypeDefinition)
                    return md.GetTypeDefinition((TypeDefinitionHandle)h).GetLayout().Size;
            }
            return code switch
            {
                SignatureTypeCode.Int64 or SignatureTypeCode.UInt64 or SignatureTypeCode.Double => 8,
                SignatureTypeCode.Int32 or SignatureTypeCode.UInt32 or SignatureTypeCode.Single => 4,
                SignatureTypeCode.Int16 or SignatureTypeCode.UInt16 or SignatureTypeCode.Char => 2,
                _ => 1,
            };
        }

        static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null)).ToDictionary(o => o.Value);

        /// <summary>
        /// The size of a method in the byte-code table (CodeWriter.cs:85-130 PreProcessMethod, 327-428
        /// WriteOperand, 267-311 WriteExceptionsTable): the IL with string, method, field and type tokens and
        /// long branch offsets in 2 bytes instead of 4, a switch's count in 1 byte and its targets in 2, then
        /// 12 bytes per exception handler and a count byte. Records the string literals on the way.
        /// </summary>
        static int ByteCodeSize(MetadataReader md, MethodBodyBlock body, string method, PeImage r, ref int maxSwitch)
        {
            var il = body.GetILBytes();
            int size = il.Length, pos = 0;
            while (pos < il.Length)
            {
                short value = il[pos++];
                if (value == 0xFE) value = (short)(0xFE00 | il[pos++]);
                if (!OpCodesByValue.TryGetValue(value, out var op)) break;
                switch (op.OperandType)
                {
                    case OperandType.InlineString:
                        r.Add(md.GetUserString(MetadataTokens.UserStringHandle(BitConverter.ToInt32(il, pos) & 0xFFFFFF)), "literal in " + method);
                        size -= 2; pos += 4; break;
                    case OperandType.InlineMethod:
                    case OperandType.InlineField:
                    case OperandType.InlineType:
                    case OperandType.InlineBrTarget:
                        size -= 2; pos += 4; break;
                    case OperandType.InlineSig:
                        size -= 4; pos += 4; break; // CodeWriter.cs:383-386 writes nothing for it
                    case OperandType.InlineSwitch:
                        int n = BitConverter.ToInt32(il, pos);
                        maxSwitch = Math.Max(maxSwitch, n);
                        size -= 3 + 2 * n; pos += 4 + 4 * n; break;
                    case OperandType.InlineNone: break;
                    case OperandType.ShortInlineBrTarget: case OperandType.ShortInlineI: case OperandType.ShortInlineVar: pos += 1; break;
                    case OperandType.InlineVar: pos += 2; break;
                    case OperandType.InlineI8: case OperandType.InlineR: pos += 8; break;
                    default: pos += 4; break;
                }
            }
            if (body.ExceptionRegions.Length > 0) size += 12 * body.ExceptionRegions.Length + 1;
            return size;
        }

        /// <summary>
        /// The strings an attribute adds (nanoSignaturesTable.cs:604-722 GetSignature/WriteAttributeArgumentValue):
        /// string arguments, the full name of System.Type arguments, the strings and types inside an object[]
        /// argument (params object[] of [DataRow]), and the names of named arguments. Attributes on types,
        /// fields and methods only (nanoTablesContext.cs:163-167), the ignored ones excepted.
        /// </summary>
        void AddAttributes(MetadataReader md, CustomAttributeHandleCollection attributes, string where)
        {
            foreach (var h in attributes)
            {
                var a = md.GetCustomAttribute(h);
                string type = AttributeTypeName(md, a, out string declaring);
                if (IgnoredAttributes.Contains(type) || (declaring != null && IgnoredAttributes.Contains(declaring))) continue;
                CustomAttributeValue<object> v;
                try { v = a.DecodeValue(new AttributeTypes(md)); }
                catch (Exception e) when (e is BadImageFormatException or ArgumentOutOfRangeException or InvalidOperationException) { continue; }
                foreach (var arg in v.FixedArguments) AddArgument(arg, where, nested: false);
                foreach (var named in v.NamedArguments)
                {
                    Add(named.Name, where);
                    AddArgument(new CustomAttributeTypedArgument<object>(named.Type, named.Value), where, nested: false);
                }
            }
        }

        void AddArgument(CustomAttributeTypedArgument<object> arg, string where, bool nested)
        {
            if (arg.Value is string s && (string)arg.Type == "System.String") Add(s, where);
            else if ((string)arg.Type == "System.Type" && arg.Value is string tn) Add(tn.Split(',')[0].Trim().Replace('+', '/'), where);
            else if (!nested && (string)arg.Type == "System.Object[]" && arg.Value is ImmutableArray<CustomAttributeTypedArgument<object>> items)
                foreach (var item in items) AddArgument(item, where, nested: true);
        }

        static string AttributeTypeName(MetadataReader md, CustomAttribute a, out string declaring)
        {
            declaring = null;
            EntityHandle parent = a.Constructor.Kind == HandleKind.MemberReference
                ? md.GetMemberReference((MemberReferenceHandle)a.Constructor).Parent
                : md.GetMethodDefinition((MethodDefinitionHandle)a.Constructor).GetDeclaringType();
            if (parent.Kind == HandleKind.TypeReference)
            {
                var tr = md.GetTypeReference((TypeReferenceHandle)parent);
                if (tr.ResolutionScope.Kind == HandleKind.TypeReference)
                {
                    var outer = md.GetTypeReference((TypeReferenceHandle)tr.ResolutionScope);
                    declaring = Join(md.GetString(outer.Namespace), md.GetString(outer.Name));
                    return declaring + "/" + md.GetString(tr.Name);
                }
                return Join(md.GetString(tr.Namespace), md.GetString(tr.Name));
            }
            if (parent.Kind == HandleKind.TypeDefinition)
            {
                var td = md.GetTypeDefinition((TypeDefinitionHandle)parent);
                return Join(md.GetString(td.Namespace), md.GetString(td.Name));
            }
            return "";
        }

        static string Join(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;

        /// <summary>Names attribute argument types as Mono.Cecil's FullName does ("Ns.Outer/Inner"), which the processor stores.</summary>
        sealed class AttributeTypes : ICustomAttributeTypeProvider<object>
        {
            readonly MetadataReader _md;
            public AttributeTypes(MetadataReader md) { _md = md; }
            public object GetPrimitiveType(PrimitiveTypeCode typeCode) => "System." + typeCode switch
            {
                PrimitiveTypeCode.Boolean => "Boolean",
                PrimitiveTypeCode.Byte => "Byte",
                PrimitiveTypeCode.SByte => "SByte",
                PrimitiveTypeCode.Char => "Char",
                PrimitiveTypeCode.Int16 => "Int16",
                PrimitiveTypeCode.UInt16 => "UInt16",
                PrimitiveTypeCode.Int32 => "Int32",
                PrimitiveTypeCode.UInt32 => "UInt32",
                PrimitiveTypeCode.Int64 => "Int64",
                PrimitiveTypeCode.UInt64 => "UInt64",
                PrimitiveTypeCode.Single => "Single",
                PrimitiveTypeCode.Double => "Double",
                PrimitiveTypeCode.String => "String",
                PrimitiveTypeCode.Object => "Object",
                _ => typeCode.ToString(),
            };
            public object GetSystemType() => "System.Type";
            public object GetSZArrayType(object elementType) => elementType + "[]";
            public object GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
            {
                var t = reader.GetTypeDefinition(handle);
                var outer = t.GetDeclaringType();
                return !outer.IsNil ? GetTypeFromDefinition(reader, outer, 0) + "/" + reader.GetString(t.Name)
                    : Join(reader.GetString(t.Namespace), reader.GetString(t.Name));
            }
            public object GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
            {
                var t = reader.GetTypeReference(handle);
                return t.ResolutionScope.Kind == HandleKind.TypeReference
                    ? GetTypeFromReference(reader, (TypeReferenceHandle)t.ResolutionScope, 0) + "/" + reader.GetString(t.Name)
                    : Join(reader.GetString(t.Namespace), reader.GetString(t.Name));
            }
            public object GetTypeFromSerializedName(string name) => name?.Split(',')[0].Replace('+', '/');
            // Enum arguments: the processor writes nothing for them; treat as their underlying int.
            public PrimitiveTypeCode GetUnderlyingEnumType(object type) => PrimitiveTypeCode.Int32;
            public bool IsSystemType(object type) => (string)type == "System.Type";
        }
    }
}
