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
    /// <item>plain 31: <c>x = x + i</c>, 4 instructions, 120, says 30; the one weight fitted to the operations: least squares
    /// of the relative error over NanoBench's five crypto rows gives 31.0 (31 also for the six rows with the cycle's measured
    /// device share, 30.9). Real code's ldloc.s, ldarg.s, ldc.i4.s decode a little more than the pattern's short forms. The
    /// other weights were derived with 30 per plain instruction. (32 before the compare, local and struct weights below.)</item>
    /// <item>ldfld 120: <c>x += _f</c> 240 = 4 plain + ldfld (a ulong field the same); stfld 113: <c>_f = i</c> 173 = 2 plain +
    /// stfld; ldflda 111 (as ldfld and stfld were before they were measured apart: <c>_f = _f + 1</c> 342 = 4 plain + ldfld + stfld).</item>
    /// <item>compare 84: <c>if (x &gt; i)</c> not taken, 144 = 2 plain + ble (nanoCLR's <c>Compare_Values</c>); on ulongs 145.
    /// Every two-operand conditional branch and ceq/cgt/clt (the same helper; those three not measured apart).</item>
    /// <item>a local 41 per method entry: a static callee with 6 int locals (never touched) costs 935, Inc 543: 392 = ldarg,
    /// ldc.i4.0, bge + 6 locals (<c>InitializeLocals</c> in the frame push).</item>
    /// <item>a struct value loaded 671 (cloned on the heap: <see cref="NanoAllocations"/>'s load sites): <c>c = _cell; x += c.Value</c>
    /// 1,762 = 6 plain + 2 ldfld + 2 struct loads (ldfld _cell, ldloc c; the stloc's copy shared between them). A struct local
    /// 549 more per entry: IncCell (one Cell local) 2,097 − Inc 543 = 1,554 = ldloca, ldarg, stfld, ldloc (a struct load),
    /// ldfld + a local + the struct local.</item>
    /// <item>static field 110: <c>s = s + 1</c> 281 = 2 plain + ldsfld + stsfld.</item>
    /// <item>array load 70: <c>x += b[i &amp; 15]</c> 284 and <c>x += w[i &amp; 15]</c> 277 = 7 plain + ldelem.</item>
    /// <item>array store 95: <c>w[i &amp; 15] = x</c> 245 = 5 plain + stelem.i4.</item>
    /// <item>conversion 70: <c>x = (byte)(x + i)</c> 190 = 4 plain + conv.u1.</item>
    /// <item>byref load/store 40 (ldind, stind, ldobj, stobj): not measured apart (an early reading of <c>_cell.Value++</c>, 447,
    /// whose IL is ldflda, dup, ldfld, add, stfld).</item>
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
    /// Not modelled: type checks (isinst, castclass), exceptions, the garbage collector. How well the weights predict NanoBench's
    /// operations: README.md, "Interpreter cost", and NanoBench/README.md.
    /// </remarks>
    public static class CostModel
    {
        /// <summary>Any instruction not in a class below: locals, arguments, constants, arithmetic, br, brtrue, brfalse, ret, ldlen.</summary>
        public const int Plain = 31;
        /// <summary>ldflda (field-token resolution, object extraction).</summary>
        public const int InstanceField = 111;
        /// <summary>ldfld: <c>x += _f</c> 240 = 4 plain + ldfld (NanoBench pattern 31; a ulong field the same, pattern 33).</summary>
        public const int FieldLoad = 120;
        /// <summary>stfld: <c>_f = i</c> 173 = 2 plain + stfld (pattern 32).</summary>
        public const int FieldStore = 113;
        /// <summary>
        /// A compare of two values that calls nanoCLR's <c>Compare_Values</c>: beq, bne.un, blt, ble, bgt, bge (and .un): <c>if (x &gt; i)</c>
        /// 144 = 2 plain + ble (pattern 29; on ulongs 145, pattern 30). ceq, cgt, clt use the same helper and are charged the
        /// same (not measured apart).
        /// </summary>
        public const int Compare = 84;
        /// <summary>
        /// Each local of a method, set up each time the method is entered (<c>InitializeLocals</c>, part of the frame push):
        /// a callee with 6 int locals costs 935 where Inc costs 543 (pattern 26): 392 = ldarg, ldc.i4.0, bge + 6 locals.
        /// </summary>
        public const int Local = 41;
        /// <summary>
        /// A struct value loaded (ldloc, ldarg, ldfld, ldsfld, ldobj, ldelem of a struct: <see cref="NanoAllocations"/>), which
        /// nanoCLR clones on its heap: <c>c = _cell; x += c.Value</c> 1,762 = 6 plain + 2 ldfld + 2 struct loads (pattern 28;
        /// the stloc's copy into the local is split between the two).
        /// </summary>
        public const int StructCopy = 671;
        /// <summary>
        /// A struct local, allocated each time its method is entered, beyond <see cref="Local"/>: IncCell (one Cell local,
        /// ldloca, stfld, a struct ldloc, ldfld) 2,097 − Inc's 543 = 1,554 (pattern 27) = 2 plain + stfld + ldfld + a struct
        /// load + a local + this.
        /// </summary>
        public const int StructLocal = 549;
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
                    return FieldLoad;
                case Code.Stfld:
                    return FieldStore;
                case Code.Ldflda:
                    return InstanceField;
                case Code.Beq:
                case Code.Beq_S:
                case Code.Bne_Un:
                case Code.Bne_Un_S:
                case Code.Blt:
                case Code.Blt_S:
                case Code.Blt_Un:
                case Code.Blt_Un_S:
                case Code.Ble:
                case Code.Ble_S:
                case Code.Ble_Un:
                case Code.Ble_Un_S:
                case Code.Bgt:
                case Code.Bgt_S:
                case Code.Bgt_Un:
                case Code.Bgt_Un_S:
                case Code.Bge:
                case Code.Bge_S:
                case Code.Bge_Un:
                case Code.Bge_Un_S:
                case Code.Ceq:
                case Code.Cgt:
                case Code.Cgt_Un:
                case Code.Clt:
                case Code.Clt_Un:
                    return Compare;
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

        /// <summary>
        /// <see cref="Weight(Instruction)"/> plus what <paramref name="method"/>'s context adds: a struct value loaded is cloned
        /// (<see cref="StructCopy"/> per clone <see cref="NanoAllocations"/> counts for a load, or for a delegate's struct argument).
        /// </summary>
        public static int Weight(Instruction instruction, MethodDefinition method)
        {
            int weight = Weight(instruction);
            switch (instruction.OpCode.Code)
            {
                case Code.Box:
                case Code.Newobj:
                case Code.Newarr:
                case Code.Ldstr:
                case Code.Constrained:
                    return weight;   // an allocation of its own, weighted above (or not measured: ldstr, constrained.)
                default:
                    return weight + StructCopy * NanoAllocations.Of(instruction, method);
            }
        }

        /// <summary>What entering <paramref name="method"/> costs beyond the call: its locals' set-up (<see cref="Local"/> each, <see cref="StructLocal"/> more per struct local).</summary>
        public static int EntryWeight(MethodDefinition method)
        {
            if (!method.HasBody) return 0;
            return Local * method.Body.Variables.Count + StructLocal * NanoAllocations.Locals(method);
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
