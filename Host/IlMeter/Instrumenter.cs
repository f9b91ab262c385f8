using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;

namespace LoRaWan.IlMeter
{
    /// <summary>
    /// Rewrites device assemblies with Mono.Cecil so that every basic block, on entry, adds the number of IL instructions
    /// it holds (as compiled, before rewriting) to the static <c>LoRaWan.IlMeter.Counter.Count</c>, a type added to the
    /// first assembly rewritten (LoRaWan.Mac; the others reference it there). A block is entered whole: the count is the
    /// IL the interpreter would execute, except in a block an exception leaves early (no measured operation throws).
    /// Calls out of the rewritten assemblies (mscorlib, host shims) count as the one call instruction.
    /// </summary>
    public static class Instrumenter
    {
        /// <summary>Namespace and name of the counter type added to the first assembly.</summary>
        public const string CounterNamespace = "LoRaWan.IlMeter", CounterName = "Counter", CounterField = "Count";

        /// <summary>With a profile: the counter's <c>long[]</c> of IL per method (exclusive), indexed as the returned names.</summary>
        public const string MethodsField = "Methods";

        /// <summary>
        /// Rewrites the assemblies at <paramref name="paths"/> (the first one receives the counter type) and returns their
        /// images by simple assembly name. Throws when an assembly was compiled without optimisation: Debug IL (nop,
        /// extra stores and loads) is not what the device build ships.
        /// </summary>
        public static Dictionary<string, byte[]> Rewrite(IList<string> paths)
        {
            return Rewrite(paths, null);
        }

        /// <summary>
        /// As <see cref="Rewrite(IList{string})"/>; when <paramref name="methodNames"/> is given, every block also adds its
        /// count to <c>Counter.Methods[i]</c> (allocated by the caller) where i indexes the method's name in that list.
        /// </summary>
        public static Dictionary<string, byte[]> Rewrite(IList<string> paths, List<string> methodNames)
        {
            var images = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            FieldReference counter = null, methods = null;
            foreach (string path in paths)
            {
                using var module = ModuleDefinition.ReadModule(path, new ReaderParameters { ReadSymbols = false, InMemory = true });
                RejectDebugBuild(module);
                FieldReference field;
                if (counter == null)
                {
                    var type = new TypeDefinition(CounterNamespace, CounterName,
                        TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Sealed | TypeAttributes.Class | TypeAttributes.BeforeFieldInit,
                        module.TypeSystem.Object);
                    var def = new FieldDefinition(CounterField, FieldAttributes.Public | FieldAttributes.Static, module.TypeSystem.Int64);
                    type.Fields.Add(def);
                    var perMethod = new FieldDefinition(MethodsField, FieldAttributes.Public | FieldAttributes.Static, new ArrayType(module.TypeSystem.Int64));
                    type.Fields.Add(perMethod);
                    module.Types.Add(type);
                    counter = def;
                    methods = perMethod;
                    field = def;
                }
                else field = module.ImportReference(counter);
                FieldReference methodsField = methodNames == null ? null : module.ImportReference(methods);
                foreach (TypeDefinition type in module.GetTypes().ToList())
                {
                    if (type.Namespace == CounterNamespace && type.Name == CounterName) continue;
                    foreach (MethodDefinition method in type.Methods)
                    {
                        if (!method.HasBody) continue;
                        int id = -1;
                        if (methodNames != null) { id = methodNames.Count; methodNames.Add(type.FullName + "::" + method.Name); }
                        Instrument(method, field, methodsField, id);
                    }
                }
                using var stream = new MemoryStream();
                module.Write(stream);
                images.Add(module.Assembly.Name.Name, stream.ToArray());
            }
            return images;
        }

        static void RejectDebugBuild(ModuleDefinition module)
        {
            foreach (CustomAttribute a in module.Assembly.CustomAttributes)
            {
                if (a.AttributeType.FullName != "System.Diagnostics.DebuggableAttribute" || a.ConstructorArguments.Count != 1) continue;
                int modes = Convert.ToInt32(a.ConstructorArguments[0].Value);
                if ((modes & 0x100) != 0)   // DebuggingModes.DisableOptimizations
                    throw new InvalidOperationException(module.Assembly.Name.Name + " was compiled without optimisation (Debug): "
                        + "the meter counts the IL the device build ships; build Release (dotnet run -c Release)");
            }
        }

        /// <summary>The first instruction of each basic block of <paramref name="body"/>, in order.</summary>
        public static List<Instruction> Leaders(MethodBody body)
        {
            var leaders = new HashSet<Instruction>();
            CollectLeaders(body, leaders);
            return body.Instructions.Where(leaders.Contains).ToList();
        }

        static void CollectLeaders(MethodBody body, HashSet<Instruction> leaders)
        {
            var code = body.Instructions;
            if (code.Count == 0) return;
            leaders.Add(code[0]);
            for (int i = 0; i < code.Count; i++)
            {
                Instruction ins = code[i];
                if (ins.Operand is Instruction target) leaders.Add(target);
                else if (ins.Operand is Instruction[] targets) foreach (Instruction t in targets) leaders.Add(t);
                FlowControl flow = ins.OpCode.FlowControl;
                bool ends = flow == FlowControl.Branch || flow == FlowControl.Cond_Branch || flow == FlowControl.Return
                    || flow == FlowControl.Throw || ins.OpCode.Code == Code.Endfinally || ins.OpCode.Code == Code.Endfilter;
                if (ends && i + 1 < code.Count) leaders.Add(code[i + 1]);
            }
            foreach (ExceptionHandler h in body.ExceptionHandlers)
            {
                leaders.Add(h.TryStart);
                leaders.Add(h.HandlerStart);
                if (h.FilterStart != null) leaders.Add(h.FilterStart);
                if (h.TryEnd != null) leaders.Add(h.TryEnd);
                if (h.HandlerEnd != null) leaders.Add(h.HandlerEnd);
            }
        }

        static void Instrument(MethodDefinition method, FieldReference counter, FieldReference methods, int id)
        {
            MethodBody body = method.Body;
            body.SimplifyMacros();
            List<Instruction> leaders = Leaders(body);
            var index = new Dictionary<Instruction, int>();
            for (int i = 0; i < body.Instructions.Count; i++) index[body.Instructions[i]] = i;
            var sizes = new int[leaders.Count];
            for (int b = 0; b < leaders.Count; b++)
            {
                int end = b + 1 < leaders.Count ? index[leaders[b + 1]] : body.Instructions.Count;
                sizes[b] = end - index[leaders[b]];
            }
            ILProcessor il = body.GetILProcessor();
            for (int b = 0; b < leaders.Count; b++)
            {
                // The leader becomes the first instruction of "Count += size" (so every branch and handler boundary that
                // names it now enters through the count), and a copy of it follows.
                Instruction leader = leaders[b];
                Instruction copy = il.Create(OpCodes.Nop);
                copy.OpCode = leader.OpCode;
                copy.Operand = leader.Operand;
                leader.OpCode = OpCodes.Ldsfld;
                leader.Operand = counter;
                Instruction size = il.Create(OpCodes.Ldc_I8, (long)sizes[b]);
                Instruction add = il.Create(OpCodes.Add);
                Instruction store = il.Create(OpCodes.Stsfld, counter);
                il.InsertAfter(leader, size);
                il.InsertAfter(size, add);
                il.InsertAfter(add, store);
                Instruction last = store;
                if (methods != null)
                {
                    // Methods[id] += size
                    Instruction[] profile =
                    {
                        il.Create(OpCodes.Ldsfld, methods), il.Create(OpCodes.Ldc_I4, id),
                        il.Create(OpCodes.Ldelema, method.Module.TypeSystem.Int64), il.Create(OpCodes.Dup), il.Create(OpCodes.Ldind_I8),
                        il.Create(OpCodes.Ldc_I8, (long)sizes[b]), il.Create(OpCodes.Add), il.Create(OpCodes.Stind_I8),
                    };
                    foreach (Instruction p in profile) { il.InsertAfter(last, p); last = p; }
                }
                il.InsertAfter(last, copy);
            }
            body.OptimizeMacros();
        }
    }
}
