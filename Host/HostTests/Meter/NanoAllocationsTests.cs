using System;
using System.Linq;
using LoRaWan.IlMeter;
using LoRaWan.Mac;
using Mono.Cecil;
using Mono.Cecil.Cil;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Meter
{
    /// <summary>
    /// The meter's count of nanoCLR heap allocations (Host/IlMeter/NanoAllocations.cs) against its oracle, nf-interpreter
    /// a3e8139a1's source: <c>Execute_LoadAndPromote</c> clones a struct on every ldloc/ldarg/ldfld/ldsfld/ldelem/ldobj of
    /// one, <c>InitializeLocals</c> allocates each struct local per call, stloc/stfld copy in place (<c>Reassign</c>),
    /// ldloca/ldflda take an address; enums are primitives. (Measured on nanoCLR under callgrind, the Class A cycle before
    /// the MAC kept its outcome in a class made 8 <c>CloneObject</c> calls and 4 <c>InitializeLocals</c> → <c>NewObject</c>
    /// calls in device code: the meter counted the same 12 at the same sites.)
    /// </summary>
    [TestClass]
    public class NanoAllocationsTests
    {
        static readonly ModuleDefinition Module = ModuleDefinition.CreateModule("NanoAllocationPatterns", ModuleKind.Dll);
        static readonly TypeDefinition Pair = Define("Pair", typeof(ValueType));
        static readonly TypeDefinition Kind = Define("Kind", typeof(Enum));
        static readonly TypeDefinition Holder = Define("Holder", typeof(object));
        static readonly FieldDefinition PairField = Field(Holder, "P", Pair);
        static readonly FieldDefinition KindField = Field(Holder, "K", Kind);
        static readonly FieldDefinition IntField = Field(Pair, "A", Module.TypeSystem.Int32);

        static TypeDefinition Define(string name, Type baseType)
        {
            var attributes = TypeAttributes.Public | TypeAttributes.Sealed;
            var t = new TypeDefinition("Patterns", name, attributes, Module.ImportReference(baseType));
            Module.Types.Add(t);
            return t;
        }

        static FieldDefinition Field(TypeDefinition owner, string name, TypeReference type)
        {
            var f = new FieldDefinition(name, FieldAttributes.Public, type);
            owner.Fields.Add(f);
            return f;
        }

        // A static method of Holder with the given locals and body; its allocations as the meter counts them.
        static int Count(TypeReference[] locals, params Instruction[] il)
        {
            var m = new MethodDefinition("M" + Holder.Methods.Count, MethodAttributes.Public | MethodAttributes.Static, Module.TypeSystem.Int32);
            m.Parameters.Add(new ParameterDefinition("h", ParameterAttributes.None, Holder));
            m.Parameters.Add(new ParameterDefinition("p", ParameterAttributes.None, Pair));
            foreach (TypeReference t in locals) m.Body.Variables.Add(new VariableDefinition(t));
            foreach (Instruction i in il) m.Body.Instructions.Add(i);
            Holder.Methods.Add(m);
            return NanoAllocations.InMethod(m);
        }

        static readonly TypeReference[] None = new TypeReference[0];

        [TestMethod]
        public void AStructReadThroughItsAddress_AllocatesNothing()
        {
            // return h.P.A; as C# compiles it: ldarg.0, ldflda P, ldfld A
            Assert.AreEqual(0, Count(None, Instruction.Create(OpCodes.Ldarg_0), Instruction.Create(OpCodes.Ldflda, PairField),
                Instruction.Create(OpCodes.Ldfld, IntField), Instruction.Create(OpCodes.Ret)));
        }

        [TestMethod]
        public void AStructFieldLoadedAsAValue_IsOneClone()
        {
            // Pair q = h.P; (ldfld clones, stloc copies in place) and the local itself, allocated on entry: 2
            Assert.AreEqual(2, Count(new TypeReference[] { Pair }, Instruction.Create(OpCodes.Ldarg_0), Instruction.Create(OpCodes.Ldfld, PairField),
                Instruction.Create(OpCodes.Stloc_0), Instruction.Create(OpCodes.Ldc_I4_0), Instruction.Create(OpCodes.Ret)));
        }

        [TestMethod]
        public void AStructLocalReadForAField_ClonesTheWholeStruct()
        {
            // return p.A; with p an argument: C# emits ldarg.1, ldfld A (the argument is loaded as a value: a clone)
            Assert.AreEqual(1, Count(None, Instruction.Create(OpCodes.Ldarg_1), Instruction.Create(OpCodes.Ldfld, IntField), Instruction.Create(OpCodes.Ret)));
        }

        [TestMethod]
        public void AnEnumIsAPrimitive_ButBoxingItAllocates()
        {
            Assert.AreEqual(0, Count(new TypeReference[] { Kind }, Instruction.Create(OpCodes.Ldarg_0), Instruction.Create(OpCodes.Ldfld, KindField),
                Instruction.Create(OpCodes.Stloc_0), Instruction.Create(OpCodes.Ldloc_0), Instruction.Create(OpCodes.Ret)));
            Assert.AreEqual(1, Count(None, Instruction.Create(OpCodes.Ldarg_0), Instruction.Create(OpCodes.Ldfld, KindField),
                Instruction.Create(OpCodes.Box, Kind), Instruction.Create(OpCodes.Pop), Instruction.Create(OpCodes.Ldc_I4_0), Instruction.Create(OpCodes.Ret)));
        }

        [TestMethod]
        public void TheMacsOutcome_IsCopiedWithoutAStruct()
        {
            // The device code itself: filling the facade's SendResult through a byref and copying the outcome into the event
            // notes allocate nothing; SendResult.Of (a struct local returned) allocates twice.
            using var module = ModuleDefinition.ReadModule(typeof(UplinkOutcome).Assembly.Location);
            TypeDefinition outcome = module.GetType("LoRaWan.Mac.UplinkOutcome");
            Assert.AreEqual(0, NanoAllocations.InMethod(outcome.Methods.Single(m => m.Name == "CopyTo")));
            Assert.AreEqual(0, NanoAllocations.InMethod(outcome.Methods.Single(m => m.Name == "CopyFrom")));
            Assert.AreEqual(2, NanoAllocations.InMethod(module.GetType("LoRaWan.Mac.SendResult").Methods.Single(m => m.Name == "Of")));
        }
    }
}
