using System;
using System.Threading;
using LoRaWan.IlMeter;
using Mono.Cecil;
using Mono.Cecil.Cil;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Meter
{
    /// <summary>
    /// The meter's nanoCLR cost model (Host/IlMeter/CostModel.cs) against its oracle: the x86 instructions NanoBench measured
    /// for each IL pattern on nanoCLR (NanoBench/README.md, "What an IL pattern costs": nf-interpreter a3e8139a1, -O2, callgrind).
    /// Each pattern is written out as the IL the C# compiler emits for it (NanoBench's IL counting build shows the same
    /// instructions per iteration) and its weights (with a callee's locals, <c>CostModel.EntryWeight</c>) must sum to the
    /// measured cost within 7 %.
    /// </summary>
    [TestClass]
    public class CostModelTests
    {
        static readonly ModuleDefinition Module = ModuleDefinition.CreateModule("CostModelPatterns", ModuleKind.Dll);

        static void Expect(long measured, string pattern, params Instruction[] il)
        {
            long estimate = 0;
            foreach (Instruction i in il) estimate += CostModel.Weight(i);
            double error = (estimate - measured) / (double)measured;
            Assert.IsTrue(Math.Abs(error) <= 0.07, $"{pattern}: estimate {estimate} x86, NanoBench measured {measured} ({error:P1})");
        }

        static Instruction I(OpCode op) { return Instruction.Create(op); }

        static MethodDefinition Method(string name, bool isStatic, bool isVirtual)
        {
            var attributes = MethodAttributes.Public | (isStatic ? MethodAttributes.Static : 0) | (isVirtual ? MethodAttributes.Virtual : 0);
            var type = new TypeDefinition("P", "T" + name, TypeAttributes.Public, Module.TypeSystem.Object);
            Module.Types.Add(type);
            var method = new MethodDefinition(name, attributes, Module.TypeSystem.Int32);
            type.Methods.Add(method);
            return method;
        }

        static MethodReference Native(Type type, string name, params Type[] parameters)
        {
            return Module.ImportReference(type.GetMethod(name, parameters));
        }

        [TestMethod]
        public void PlainFieldAndStaticFieldPatterns_MatchNanoBench()
        {
            var field = new FieldDefinition("_f", FieldAttributes.Private, Module.TypeSystem.Int32);
            var staticField = new FieldDefinition("s", FieldAttributes.Private | FieldAttributes.Static, Module.TypeSystem.Int32);
            Expect(120, "x = x + i", I(OpCodes.Ldloc_0), I(OpCodes.Ldloc_1), I(OpCodes.Add), I(OpCodes.Stloc_0));
            Expect(342, "_f = _f + 1", I(OpCodes.Ldarg_0), I(OpCodes.Ldarg_0), Instruction.Create(OpCodes.Ldfld, field), I(OpCodes.Ldc_I4_1),
                I(OpCodes.Add), Instruction.Create(OpCodes.Stfld, field));
            Expect(281, "s = s + 1", Instruction.Create(OpCodes.Ldsfld, staticField), I(OpCodes.Ldc_I4_1), I(OpCodes.Add),
                Instruction.Create(OpCodes.Stsfld, staticField));
        }

        [TestMethod]
        public void ArrayAndConversionPatterns_MatchNanoBench()
        {
            Expect(284, "x += b[i & 15]", I(OpCodes.Ldloc_0), I(OpCodes.Ldloc_2), I(OpCodes.Ldloc_1), Instruction.Create(OpCodes.Ldc_I4_S, (sbyte)15),
                I(OpCodes.And), I(OpCodes.Ldelem_U1), I(OpCodes.Add), I(OpCodes.Stloc_0));
            Expect(245, "w[i & 15] = x", I(OpCodes.Ldloc_2), I(OpCodes.Ldloc_1), Instruction.Create(OpCodes.Ldc_I4_S, (sbyte)15), I(OpCodes.And),
                I(OpCodes.Ldloc_0), I(OpCodes.Stelem_I4));
            Expect(315, "b[i & 15] = (byte)x", I(OpCodes.Ldloc_2), I(OpCodes.Ldloc_1), Instruction.Create(OpCodes.Ldc_I4_S, (sbyte)15), I(OpCodes.And),
                I(OpCodes.Ldloc_0), I(OpCodes.Conv_U1), I(OpCodes.Stelem_I1));
            Expect(190, "x = (byte)(x + i)", I(OpCodes.Ldloc_0), I(OpCodes.Ldloc_1), I(OpCodes.Add), I(OpCodes.Conv_U1), I(OpCodes.Stloc_0));
        }

        [TestMethod]
        public void CallPatterns_MatchNanoBench()
        {
            // The callee's body (ldarg, ldc.i4.1, add, ret) is counted with the call, as the meter counts it in the callee.
            Instruction[] Callee(params Instruction[] call)
            {
                var all = new Instruction[call.Length + 4];
                call.CopyTo(all, 0);
                all[call.Length] = I(OpCodes.Ldarg_1);
                all[call.Length + 1] = I(OpCodes.Ldc_I4_1);
                all[call.Length + 2] = I(OpCodes.Add);
                all[call.Length + 3] = I(OpCodes.Ret);
                return all;
            }
            Expect(543, "x = Inc(x)", Callee(I(OpCodes.Ldloc_0), Instruction.Create(OpCodes.Call, Method("Inc", true, false)), I(OpCodes.Stloc_0)));
            Expect(617, "x = IncThis(x)", Callee(I(OpCodes.Ldarg_0), I(OpCodes.Ldloc_0), Instruction.Create(OpCodes.Call, Method("IncThis", false, false)),
                I(OpCodes.Stloc_0)));
            Expect(845, "x = VirtualStep(x)", Callee(I(OpCodes.Ldarg_0), I(OpCodes.Ldloc_0),
                Instruction.Create(OpCodes.Callvirt, Method("VirtualStep", false, true)), I(OpCodes.Stloc_0)));
        }

        static MethodDefinition WithLocals(string name, params TypeReference[] locals)
        {
            MethodDefinition method = Method(name, true, false);
            foreach (TypeReference t in locals) method.Body.Variables.Add(new VariableDefinition(t));
            return method;
        }

        static TypeDefinition Cell()
        {
            var cell = new TypeDefinition("P", "Cell" + Module.Types.Count, TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.SequentialLayout,
                Module.ImportReference(typeof(ValueType)));
            cell.Fields.Add(new FieldDefinition("Value", FieldAttributes.Public, Module.TypeSystem.Int32));
            Module.Types.Add(cell);
            return cell;
        }

        [TestMethod]
        public void FieldLoadStoreAndComparePatterns_MatchNanoBench()
        {
            // NanoBench patterns 31, 32, 29, 30: ldfld and stfld measured apart, and a compare-and-branch (Compare_Values).
            var field = new FieldDefinition("_f", FieldAttributes.Private, Module.TypeSystem.Int32);
            Expect(240, "x += _f", I(OpCodes.Ldloc_0), I(OpCodes.Ldarg_0), Instruction.Create(OpCodes.Ldfld, field), I(OpCodes.Add), I(OpCodes.Stloc_0));
            Expect(173, "_f = i", I(OpCodes.Ldarg_0), I(OpCodes.Ldloc_1), Instruction.Create(OpCodes.Stfld, field));
            Instruction target = I(OpCodes.Ldloc_1);
            Expect(144, "if (x > i) (not taken)", I(OpCodes.Ldloc_0), I(OpCodes.Ldloc_1), Instruction.Create(OpCodes.Ble_S, target));
            Expect(145, "if (t > u) on ulongs (not taken)", I(OpCodes.Ldloc_0), I(OpCodes.Ldloc_1), Instruction.Create(OpCodes.Ble_Un_S, target));
        }

        [TestMethod]
        public void LocalsAndStructPatterns_MatchNanoBench()
        {
            // NanoBench patterns 26-28: entering a method sets up its locals (InitializeLocals), a struct local is a heap
            // object per entry, and every load of a struct value clones it. The meter charges the locals with the callee's first block.
            MethodDefinition incLocals = WithLocals("IncLocals", Module.TypeSystem.Int32, Module.TypeSystem.Int32, Module.TypeSystem.Int32,
                Module.TypeSystem.Int32, Module.TypeSystem.Int32, Module.TypeSystem.Int32);
            Instruction skip = I(OpCodes.Ldarg_0);
            Within(935, CostModel.EntryWeight(incLocals) + Sum(I(OpCodes.Ldloc_0), Instruction.Create(OpCodes.Call, incLocals), I(OpCodes.Stloc_0),
                I(OpCodes.Ldarg_0), I(OpCodes.Ldc_I4_0), Instruction.Create(OpCodes.Bge_S, skip), skip, I(OpCodes.Ldc_I4_1), I(OpCodes.Add), I(OpCodes.Ret)),
                "x = IncLocals(x) (6 int locals set up, never used)");

            TypeDefinition cell = Cell();
            FieldDefinition value = cell.Fields[0];
            MethodDefinition incCell = WithLocals("IncCell", cell);
            var load = Instruction.Create(OpCodes.Ldloc_0);
            incCell.Body.Instructions.Add(load);
            long estimate = CostModel.EntryWeight(incCell) + CostModel.Weight(I(OpCodes.Ldloc_0)) + CostModel.Weight(Instruction.Create(OpCodes.Call, incCell)) + CostModel.Weight(I(OpCodes.Stloc_0))
                + CostModel.Weight(Instruction.Create(OpCodes.Ldloca_S, incCell.Body.Variables[0])) + CostModel.Weight(I(OpCodes.Ldarg_0))
                + CostModel.Weight(Instruction.Create(OpCodes.Stfld, value)) + CostModel.Weight(load, incCell) + CostModel.Weight(Instruction.Create(OpCodes.Ldfld, value))
                + CostModel.Weight(I(OpCodes.Ldc_I4_1)) + CostModel.Weight(I(OpCodes.Add)) + CostModel.Weight(I(OpCodes.Ret));
            Within(2097, estimate, "x = IncCell(x) (a Cell local, loaded once)");

            MethodDefinition copy = WithLocals("StructCopy", Module.TypeSystem.Int32, Module.TypeSystem.Int32, cell);
            var cellField = new FieldDefinition("_cell", FieldAttributes.Private, cell);
            var loadCopy = Instruction.Create(OpCodes.Ldloc_2);
            copy.Body.Instructions.Add(loadCopy);
            var loadField = Instruction.Create(OpCodes.Ldfld, cellField);
            estimate = CostModel.Weight(I(OpCodes.Ldarg_0)) + CostModel.Weight(loadField, copy) + CostModel.Weight(I(OpCodes.Stloc_2)) + CostModel.Weight(I(OpCodes.Ldloc_0))
                + CostModel.Weight(loadCopy, copy) + CostModel.Weight(Instruction.Create(OpCodes.Ldfld, value)) + CostModel.Weight(I(OpCodes.Add)) + CostModel.Weight(I(OpCodes.Stloc_0));
            Within(1762, estimate, "c = _cell; x += c.Value (two struct loads)");
        }

        static long Sum(params Instruction[] il)
        {
            long sum = 0;
            foreach (Instruction i in il) sum += CostModel.Weight(i);
            return sum;
        }

        static void Within(long measured, long estimate, string pattern)
        {
            double error = (estimate - measured) / (double)measured;
            Assert.IsTrue(Math.Abs(error) <= 0.07, $"{pattern}: estimate {estimate} x86, NanoBench measured {measured} ({error:P1})");
        }

        [TestMethod]
        public void NativeAndAllocationPatterns_MatchNanoBench()
        {
            var field = new FieldDefinition("_o", FieldAttributes.Private, Module.TypeSystem.Object);
            var leave = I(OpCodes.Nop);
            Expect(2257, "lock (o) { }", I(OpCodes.Ldarg_0), Instruction.Create(OpCodes.Ldfld, field), I(OpCodes.Stloc_2), I(OpCodes.Ldloc_2),
                Instruction.Create(OpCodes.Call, Native(typeof(Monitor), "Enter", typeof(object))), Instruction.Create(OpCodes.Leave_S, leave),
                I(OpCodes.Ldloc_2), Instruction.Create(OpCodes.Call, Native(typeof(Monitor), "Exit", typeof(object))), I(OpCodes.Endfinally));
            var intField = new FieldDefinition("_f", FieldAttributes.Private, Module.TypeSystem.Int32);
            Expect(926, "Interlocked.CompareExchange(ref _f, x + 1, x)", I(OpCodes.Ldarg_0), Instruction.Create(OpCodes.Ldflda, intField),
                I(OpCodes.Ldloc_1), I(OpCodes.Ldc_I4_1), I(OpCodes.Add), I(OpCodes.Ldloc_1),
                Instruction.Create(OpCodes.Call, Native(typeof(Interlocked), "CompareExchange", typeof(int).MakeByRefType(), typeof(int), typeof(int))),
                I(OpCodes.Stloc_0));
            Expect(850, "Interlocked.Exchange(ref _f, x)", I(OpCodes.Ldarg_0), Instruction.Create(OpCodes.Ldflda, intField), I(OpCodes.Ldloc_1),
                Instruction.Create(OpCodes.Call, Native(typeof(Interlocked), "Exchange", typeof(int).MakeByRefType(), typeof(int))), I(OpCodes.Stloc_0));
            Expect(441, "new byte[16]", Instruction.Create(OpCodes.Ldc_I4_S, (sbyte)16), Instruction.Create(OpCodes.Newarr, Module.TypeSystem.Byte),
                I(OpCodes.Stloc_0));
            Expect(387, "object o = i", I(OpCodes.Ldloc_1), Instruction.Create(OpCodes.Box, Module.TypeSystem.Int32), I(OpCodes.Stloc_0));
        }
    }
}
