using Mono.Cecil;
using Mono.Cecil.Cil;

namespace LoRaWan.IlMeter
{
    /// <summary>
    /// What nanoCLR charges for an IL instruction, in x86 instructions, by opcode class: the meter adds these weights per basic
    /// block to <c>Counter.Cost</c> beside the plain IL count, so a change that trades locals for calls or field accesses shows
    /// as more work even when its IL count is flat (the "est. x86" column).
    /// </summary>
    /// <remarks>
    /// Source of every weight: NanoBench/README.md, "What an IL pattern costs" — nanoframework/nf-interpreter a3e8139a1,
    /// <c>targets/posix</c>, <c>-DCMAKE_BUILD_TYPE=RelWithDebInfo</c> (<c>-O2 -g</c>, gcc 12.2, x86-64), x86 instructions from
    /// valgrind 3.19 callgrind, loop of 1,000 iterations minus the empty loop. Each weight includes the interpreter's dispatch of
    /// that instruction; the other instructions of each pattern (ldloc, ldc, add, stloc at the plain weight) are subtracted
    /// from its measured cost:
    /// <list type="bullet">
    /// <item>plain 32: <c>x = x + i</c>, 4 instructions, 120, says 30; the one weight fitted to the operations: least squares
    /// over NanoBench's five crypto rows gives 32 (real code's ldloc.s, ldarg.s, ldc.i4.s and branches decode more than the
    /// pattern's short forms). The other weights were derived with 30 per plain instruction and are not refitted.</item>
    /// <item>instance field 111: <c>_f = _f + 1</c> 342 = 4 plain + ldfld + stfld.</item>
    /// <item>static field 110: <c>s = s + 1</c> 281 = 2 plain + ldsfld + stsfld.</item>
    /// <item>array load 70: <c>x += b[i &amp; 15]</c> 284 and <c>x += w[i &amp; 15]</c> 277 = 7 plain + ldelem.</item>
    /// <item>array store 95: <c>w[i &amp; 15] = x</c> 245 = 5 plain + stelem.i4.</item>
    /// <item>conversion 70: <c>x = (byte)(x + i)</c> 190 = 4 plain + conv.u1.</item>
    /// <item>byref load/store 40: <c>_cell.Value++</c> 447 = 5 plain + 2 ldflda + ldind + stind.</item>
    /// <item>static call 363, instance call 407 (the callee's <c>ret</c> is plain and counted in the callee): <c>x = Inc(x)</c>
    /// 543 = 5 plain + call + ret; <c>IncThis(x)</c> 617 = 6 plain + call + ret.</item>
    /// <item>virtual or interface call 635: <c>callvirt</c> 845 and 848 = 6 plain + callvirt + ret. A <c>callvirt</c> whose
    /// target is not virtual (C#'s null-checked instance call) is charged as an instance call: nanoCLR looks up a virtual
    /// target only when the method is virtual.</item>
    /// <item>newarr 381: <c>new byte[16]</c> 441 = 2 plain + newarr; box 327: <c>object o = i</c> 387 = 2 plain + box;
    /// newobj: an allocation plus an instance call, 381 + 407 (not measured as a pattern). The garbage collector's work is in none.</item>
    /// <item>natives, calls out of the counted assemblies the meter sees as one <c>call</c>: <c>lock (o) { }</c> 2,257 = 6 plain
    /// (try/finally's leave and endfinally among them) + ldfld + Monitor.Enter + Monitor.Exit, so each of the two 983;
    /// Interlocked.CompareExchange 635 (926 = 6 plain + ldflda + call; 918 through ldelema), Interlocked.Exchange 649 (850 =
    /// 3 plain + ldflda + call). Array.Copy and every other call into mscorlib are charged as a static call (363): not measured.</item>
    /// </list>
    /// Not modelled: a frame's locals (<c>InitializeLocals</c>), a struct copied by <c>ldfld</c>/<c>stloc</c> (nanoCLR clones it
    /// on the heap), type checks, exceptions. How well the weights predict NanoBench's operations: README.md, "Interpreter cost".
    /// </remarks>
    public static class CostModel
    {
        /// <summary>Any instruction not in a class below: locals, arguments, constants, arithmetic, compares, branches, ret, ldlen.</summary>
        public const int Plain = 32;
        /// <summary>ldfld, stfld, ldflda (field-token resolution, object extraction).</summary>
        public const int InstanceField = 111;
        /// <summary>ldsfld, stsfld, ldsflda.</summary>
        public const int StaticField = 110;
        /// <summary>ldelem.*, ldelema.</summary>
        public const int ArrayLoad = 70;
        /// <summary>stelem.*.</summary>
        public const int ArrayStore = 95;
        /// <summary>ldind.*, stind.*, ldobj, stobj: through a byref.</summary>
        public const int Byref = 40;
        /// <summary>conv.* (nanoCLR's Convert_Internal).</summary>
        public const int Conversion = 70;
        /// <summary>call of a static method (frame push, method-token resolution, the return's frame pop).</summary>
        public const int StaticCall = 363;
        /// <summary>call (or callvirt) of a non-virtual instance method.</summary>
        public const int InstanceCall = 407;
        /// <summary>callvirt of a virtual or interface method (the virtual lookup).</summary>
        public const int VirtualCall = 635;
        /// <summary>newarr (allocation; no collection included).</summary>
        public const int NewArray = 381;
        /// <summary>box (allocation; no collection included).</summary>
        public const int Box = 327;
        /// <summary>newobj: an allocation and the constructor's call.</summary>
        public const int NewObject = NewArray + InstanceCall;
        /// <summary>Monitor.Enter or Monitor.Exit (half of a measured lock; nanoCLR allocates a lock block per lock).</summary>
        public const int MonitorCall = 983;
        /// <summary>Interlocked.CompareExchange (native).</summary>
        public const int InterlockedCompareExchange = 635;
        /// <summary>Interlocked.Exchange and the other Interlocked natives.</summary>
        public const int InterlockedExchange = 649;

        /// <summary>The estimated x86 instructions nanoCLR executes for <paramref name="instruction"/> (macros simplified or not).</summary>
        public static int Weight(Instruction instruction)
        {
            switch (instruction.OpCode.Code)
            {
                case Code.Ldfld:
                case Code.Stfld:
                case Code.Ldflda:
                    return InstanceField;
                case Code.Ldsfld:
                case Code.Stsfld:
                case Code.Ldsflda:
                    return StaticField;
                case Code.Ldelem_I1:
                case Code.Ldelem_U1:
                case Code.Ldelem_I2:
                case Code.Ldelem_U2:
                case Code.Ldelem_I4:
                case Code.Ldelem_U4:
                case Code.Ldelem_I8:
                case Code.Ldelem_I:
                case Code.Ldelem_R4:
                case Code.Ldelem_R8:
                case Code.Ldelem_Ref:
                case Code.Ldelem_Any:
                case Code.Ldelema:
                    return ArrayLoad;
                case Code.Stelem_I1:
                case Code.Stelem_I2:
                case Code.Stelem_I4:
                case Code.Stelem_I8:
                case Code.Stelem_I:
                case Code.Stelem_R4:
                case Code.Stelem_R8:
                case Code.Stelem_Ref:
                case Code.Stelem_Any:
                    return ArrayStore;
                case Code.Ldind_I1:
                case Code.Ldind_U1:
                case Code.Ldind_I2:
                case Code.Ldind_U2:
                case Code.Ldind_I4:
                case Code.Ldind_U4:
                case Code.Ldind_I8:
                case Code.Ldind_I:
                case Code.Ldind_R4:
                case Code.Ldind_R8:
                case Code.Ldind_Ref:
                case Code.Stind_I1:
                case Code.Stind_I2:
                case Code.Stind_I4:
                case Code.Stind_I8:
                case Code.Stind_I:
                case Code.Stind_R4:
                case Code.Stind_R8:
                case Code.Stind_Ref:
                case Code.Ldobj:
                case Code.Stobj:
                    return Byref;
                case Code.Newarr:
                    return NewArray;
                case Code.Box:
                    return Box;
                case Code.Newobj:
                    return NewObject;
                case Code.Call:
                case Code.Callvirt:
                    return CallWeight(instruction);
                default:
                    return instruction.OpCode.Name.StartsWith("conv.", System.StringComparison.Ordinal) ? Conversion : Plain;
            }
        }

        static int CallWeight(Instruction instruction)
        {
            var target = (MethodReference)instruction.Operand;
            switch (target.DeclaringType.FullName)
            {
                case "System.Threading.Monitor":
                    if (target.Name == "Enter" || target.Name == "Exit") return MonitorCall;
                    break;
                case "System.Threading.Interlocked":
                    return target.Name == "CompareExchange" ? InterlockedCompareExchange : InterlockedExchange;
            }
            if (!target.HasThis) return StaticCall;
            if (instruction.OpCode.Code == Code.Call) return InstanceCall;
            return IsVirtual(target) ? VirtualCall : InstanceCall;
        }

        static bool IsVirtual(MethodReference target)
        {
            MethodDefinition definition;
            try { definition = target.Resolve(); }
            catch (AssemblyResolutionException) { definition = null; }
            // Unresolvable (a reference assembly not next to the meter): charged as virtual, the dearer case.
            return definition == null || definition.IsVirtual;
        }
    }
}
