using Mono.Cecil;
using Mono.Cecil.Cil;

namespace LoRaWan.IlMeter
{
    /// <summary>
    /// Where nanoCLR allocates on its heap for an IL instruction that CoreCLR runs without allocating (or with an
    /// allocation the host's 0-B tests see): the meter adds these counts per basic block to <c>Counter.Allocations</c>, so a
    /// struct copied or a value boxed on a hot path fails a budget of 0 in CI although the host cannot observe it.
    /// </summary>
    /// <remarks>
    /// From nf-interpreter a3e8139a1 (src/CLR/Core), and counted on nanoCLR under callgrind (README.md, "Interpreter cost"):
    /// <list type="bullet">
    /// <item>a struct lives on nanoCLR's heap: every load of a struct value (ldloc, ldarg, ldfld, ldsfld, ldelem, ldobj)
    /// goes through <c>Execute_LoadAndPromote</c>, which calls <c>CloneObject</c> (a new object of 1 + fields heap blocks);
    /// <c>stloc</c>/<c>stfld</c>/<c>stobj</c> copy into the existing object (<c>Reassign</c>), <c>ldloca</c>/<c>ldflda</c>
    /// do not copy;</item>
    /// <item>a struct passed by value to a delegate is cloned again when the native Invoke sets up the target's frame
    /// (<c>CLR_RT_StackFrame::MakeCall</c> → <c>FixCall</c>); an IL call passes the value already loaded (no second copy);</item>
    /// <item>every struct-typed local is a new object each time its method is entered (<c>InitializeLocals</c> →
    /// <c>NewObject</c>), whether the path uses it or not;</item>
    /// <item><c>box</c>, <c>newobj</c>, <c>newarr</c>, <c>ldstr</c> (a string object over the assembly's literal), and
    /// <c>constrained.</c> on a struct (the call may box it).</item>
    /// </list>
    /// Enums and primitives (nanoCLR's DateTime and TimeSpan included) are not structs here: they live in the heap block
    /// itself. Calls into mscorlib that allocate (string concatenation, ToString) are not classified: CoreCLR allocates
    /// there too, so the host's 0-B-per-cycle tests catch them. Locks (Monitor.Enter) are counted apart (Counter.Locks).
    /// </remarks>
    public static class NanoAllocations
    {
        /// <summary>True for a value type nanoCLR keeps as a separate heap object (not an enum, not a primitive).</summary>
        public static bool IsStruct(TypeReference type)
        {
            if (type == null || type.IsByReference || type.IsPointer || type.IsArray || type.IsGenericParameter) return false;
            if (!type.IsValueType)
            {
                // A TypeReference of another assembly may not know it is a value type until resolved.
                if (type.IsPrimitive || type.MetadataType == MetadataType.Object || type.MetadataType == MetadataType.String) return false;
            }
            if (type.IsPrimitive) return false;
            switch (type.FullName)
            {
                case "System.DateTime":
                case "System.TimeSpan":
                case "System.Void":
                case "System.IntPtr":
                case "System.UIntPtr":
                    return false;
            }
            TypeDefinition def;
            try { def = type.Resolve(); }
            catch (AssemblyResolutionException) { return false; }
            if (def == null) return type.IsValueType;
            return def.IsValueType && !def.IsEnum;
        }

        /// <summary>The heap allocations nanoCLR makes for <paramref name="i"/> of <paramref name="method"/> (0 for most).</summary>
        public static int Of(Instruction i, MethodDefinition method)
        {
            switch (i.OpCode.Code)
            {
                case Code.Box:
                case Code.Newarr:
                case Code.Ldstr:
                    return 1;
                case Code.Newobj:
                    return 1;
                case Code.Call:
                case Code.Callvirt:
                    return IsDelegateInvoke((MethodReference)i.Operand) ? StructArguments((MethodReference)i.Operand) : 0;
                case Code.Constrained:
                    return IsStruct((TypeReference)i.Operand) ? 1 : 0;
                case Code.Ldloc:
                case Code.Ldloc_S:
                case Code.Ldloc_0:
                case Code.Ldloc_1:
                case Code.Ldloc_2:
                case Code.Ldloc_3:
                    return IsStruct(Local(i, method).VariableType) ? 1 : 0;
                case Code.Ldarg:
                case Code.Ldarg_S:
                case Code.Ldarg_0:
                case Code.Ldarg_1:
                case Code.Ldarg_2:
                case Code.Ldarg_3:
                    return IsStruct(ArgumentType(i, method)) ? 1 : 0;
                case Code.Ldfld:
                case Code.Ldsfld:
                    return IsStruct(((FieldReference)i.Operand).FieldType) ? 1 : 0;
                case Code.Ldobj:
                case Code.Ldelem_Any:
                case Code.Unbox_Any:
                    return IsStruct((TypeReference)i.Operand) ? 1 : 0;
                default:
                    return 0;
            }
        }

        /// <summary>
        /// Every allocation point of <paramref name="method"/>, as if each instruction ran once: its struct locals and the
        /// sum of <see cref="Of"/>. (The meter counts per executed block; this is the static view.)
        /// </summary>
        public static int InMethod(MethodDefinition method)
        {
            int n = Locals(method);
            if (method.HasBody)
                foreach (Instruction i in method.Body.Instructions) n += Of(i, method);
            return n;
        }

        /// <summary>Struct-typed locals of <paramref name="method"/>: each one a new heap object per call.</summary>
        public static int Locals(MethodDefinition method)
        {
            int n = 0;
            if (!method.HasBody) return 0;
            foreach (VariableDefinition v in method.Body.Variables)
                if (IsStruct(v.VariableType)) n++;
            return n;
        }

        static bool IsDelegateInvoke(MethodReference callee)
        {
            if (callee.Name != "Invoke") return false;
            TypeDefinition type;
            try { type = callee.DeclaringType.Resolve(); }
            catch (AssemblyResolutionException) { return false; }
            return type != null && type.BaseType != null && type.BaseType.FullName == "System.MulticastDelegate";
        }

        static int StructArguments(MethodReference callee)
        {
            int n = 0;
            foreach (ParameterDefinition p in callee.Parameters)
                if (IsStruct(p.ParameterType)) n++;
            return n;
        }

        // Macros are simplified by the instrumenter before counting, but the short forms are decoded here too.
        static VariableDefinition Local(Instruction i, MethodDefinition method)
        {
            switch (i.OpCode.Code)
            {
                case Code.Ldloc_0: return method.Body.Variables[0];
                case Code.Ldloc_1: return method.Body.Variables[1];
                case Code.Ldloc_2: return method.Body.Variables[2];
                case Code.Ldloc_3: return method.Body.Variables[3];
                default: return (VariableDefinition)i.Operand;
            }
        }

        static TypeReference ArgumentType(Instruction i, MethodDefinition method)
        {
            int index;
            switch (i.OpCode.Code)
            {
                case Code.Ldarg_0: index = 0; break;
                case Code.Ldarg_1: index = 1; break;
                case Code.Ldarg_2: index = 2; break;
                case Code.Ldarg_3: index = 3; break;
                default: return ((ParameterDefinition)i.Operand).ParameterType;
            }
            if (method.HasThis)
            {
                // "this" of a struct method is a byref (no copy); of a class, a reference.
                if (index == 0) return null;
                index--;
            }
            return method.Parameters[index].ParameterType;
        }
    }
}
