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
    /// first assembly rewritten (LoRaWan.Radio, the lowest; the others reference it there). A block is entered whole: the count is the
    /// IL the interpreter would execute, except in a block an exception leaves early (no measured operation throws).
    /// Calls out of the rewritten assemblies (mscorlib, host shims) count as the one call instruction.
    /// Beside the count, each block adds its instructions' <see cref="CostModel"/> weights to <c>Counter.Cost</c>: the x86
    /// instructions nanoCLR is estimated to execute for them.
    /// </summary>
    public static class Instrumenter
    {
        /// <summary>Namespace and name of the counter type added to the first assembly.</summary>
        public const string CounterNamespace = "LoRaWan.IlMeter", CounterName = "Counter", CounterField = "Count";

        /// <summary>
        /// With a profile: the counter's <c>long[]</c>, <see cref="MethodSlots"/> per method (indexed as the returned names): IL
        /// executed in it (exclusive), its estimated x86 (exclusive), and the times it was entered (0 when a branch returns to its
        /// first instruction: entries and loop turns cannot be told apart there).
        /// </summary>
        public const string MethodsField = "Methods";

        /// <summary>Elements per method in <see cref="MethodsField"/>: IL, est. x86, calls.</summary>
        public const int MethodSlots = 3;

        /// <summary>
        /// The counter's <c>long</c> of locks taken (calls of <c>System.Threading.Monitor::Enter</c> executed): on nanoCLR each
        /// one allocates a lock block and links it to the thread, native work the IL count does not show (issue 20).
        /// </summary>
        public const string LocksField = "Locks";

        /// <summary>
        /// The counter's <c>long</c> of heap allocations nanoCLR makes for the counted IL (<see cref="NanoAllocations"/>: struct
        /// copies, struct locals, boxing, newobj, newarr, ldstr), which the host's 0-B tests cannot see for structs and boxes.
        /// </summary>
        public const string AllocationsField = "Allocations";

        /// <summary>With a profile: the counter's <c>long[]</c> of <see cref="AllocationsField"/> per method, indexed as <see cref="MethodsField"/>.</summary>
        public const string MethodAllocationsField = "MethodAllocations";

        /// <summary>
        /// The counter's <c>long</c> of estimated x86 instructions nanoCLR executes for the counted IL: each block adds the
        /// <see cref="CostModel"/> weights of its instructions beside its IL count.
        /// </summary>
        public const string CostField = "Cost";

        /// <summary>
        /// The counter's <c>long</c>s of the environment's IL and estimated x86 (its own methods, and device code it calls
        /// while <c>Paused</c>): not the device's work, kept apart to compare a whole run with a nanoCLR measurement of it.
        /// </summary>
        public const string EnvironmentIlField = "EnvironmentIl", EnvironmentCostField = "EnvironmentCost";

        /// <summary>The counter's <c>int</c>: above 0 while the environment (simulation, test rig) runs device code for itself.</summary>
        public const string PausedField = "Paused";

        /// <summary>
        /// Device methods the environment calls as the device's own work: the MAC thread's loop, the alarm, the radio's
        /// interrupt report and the SX1276's DIO interrupts (type full name :: method name). Every other call from the
        /// environment into a counted assembly (the network server's crypto, the scripted radio's air-time helper, the
        /// runner polling an operation, constructors at set-up) is not device work on a real board and is not counted.
        /// </summary>
        public static readonly string[] EntryPoints =
        {
            "LoRaWan.Mac.ClassAMac::ProcessEvents",
            "LoRaWan.Platform.ITimerSink::OnTimer",
            "LoRaWan.Radio.IRadioEventSink::OnRadioEvent",
            "Drivers.Sx127x.Sx1276::OnDio0",
            "Drivers.Sx127x.Sx1276::OnDio1",
        };

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
            FieldReference counter = null, methods = null, paused = null, locks = null, cost = null, envIl = null, envCost = null;
            FieldReference allocations = null, methodAllocations = null;
            foreach (string path in paths)
            {
                // The resolver finds the other device assemblies next to this one (CostModel asks whether a callee is virtual).
                using var resolver = new DefaultAssemblyResolver();
                resolver.AddSearchDirectory(Path.GetDirectoryName(Path.GetFullPath(path)));
                using var module = ModuleDefinition.ReadModule(path, new ReaderParameters { ReadSymbols = false, InMemory = true, AssemblyResolver = resolver });
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
                    var pausedDef = new FieldDefinition(PausedField, FieldAttributes.Public | FieldAttributes.Static, module.TypeSystem.Int32);
                    type.Fields.Add(pausedDef);
                    var locksDef = new FieldDefinition(LocksField, FieldAttributes.Public | FieldAttributes.Static, module.TypeSystem.Int64);
                    type.Fields.Add(locksDef);
                    var costDef = new FieldDefinition(CostField, FieldAttributes.Public | FieldAttributes.Static, module.TypeSystem.Int64);
                    type.Fields.Add(costDef);
                    var envIlDef = new FieldDefinition(EnvironmentIlField, FieldAttributes.Public | FieldAttributes.Static, module.TypeSystem.Int64);
                    type.Fields.Add(envIlDef);
                    var envCostDef = new FieldDefinition(EnvironmentCostField, FieldAttributes.Public | FieldAttributes.Static, module.TypeSystem.Int64);
                    type.Fields.Add(envCostDef);
                    var allocDef = new FieldDefinition(AllocationsField, FieldAttributes.Public | FieldAttributes.Static, module.TypeSystem.Int64);
                    type.Fields.Add(allocDef);
                    var allocPerMethod = new FieldDefinition(MethodAllocationsField, FieldAttributes.Public | FieldAttributes.Static, new ArrayType(module.TypeSystem.Int64));
                    type.Fields.Add(allocPerMethod);
                    module.Types.Add(type);
                    allocations = allocDef;
                    methodAllocations = allocPerMethod;
                    cost = costDef;
                    envIl = envIlDef;
                    envCost = envCostDef;
                    counter = def;
                    methods = perMethod;
                    paused = pausedDef;
                    locks = locksDef;
                    field = def;
                }
                else field = module.ImportReference(counter);
                FieldReference pausedField = module.ImportReference(paused);
                FieldReference locksField = module.ImportReference(locks);
                FieldReference costField = module.ImportReference(cost);
                var environment = new[] { module.ImportReference(envIl), module.ImportReference(envCost) };
                FieldReference methodsField = methodNames == null ? null : module.ImportReference(methods);
                var allocationFields = new[] { module.ImportReference(allocations), methodNames == null ? null : module.ImportReference(methodAllocations) };
                foreach (TypeDefinition type in module.GetTypes().ToList())
                {
                    if (type.Namespace == CounterNamespace && type.Name == CounterName) continue;
                    foreach (MethodDefinition method in type.Methods)
                    {
                        if (!method.HasBody) continue;
                        int id = -1;
                        if (methodNames != null) { id = methodNames.Count; methodNames.Add(type.FullName + "::" + method.Name); }
                        Instrument(method, field, methodsField, id, pausedField, locksField, costField, environment, allocationFields);
                    }
                }
                using var stream = new MemoryStream();
                module.Write(stream);
                images.Add(module.Assembly.Name.Name, stream.ToArray());
            }
            return images;
        }

        /// <summary>
        /// Rewrites the environment's assembly at <paramref name="path"/> (Simulation, the workload's test rig: types whose
        /// namespace starts with one of <paramref name="namespaces"/>, or all when null) so that each of its calls into the
        /// counted assemblies <paramref name="counted"/>, other than an <see cref="EntryPoints"/> one, runs with
        /// <c>Counter.Paused</c> raised. <paramref name="counterAssembly"/> holds the counter type.
        /// </summary>
        public static byte[] RewriteEnvironment(string path, ICollection<string> counted, string counterAssembly, string[] namespaces)
        {
            using var module = ModuleDefinition.ReadModule(path, new ReaderParameters { ReadSymbols = false, InMemory = true });
            AssemblyNameReference scope = module.AssemblyReferences.FirstOrDefault(r => r.Name == counterAssembly)
                ?? throw new InvalidOperationException(module.Assembly.Name.Name + " does not reference " + counterAssembly);
            var counterType = new TypeReference(CounterNamespace, CounterName, module, scope);
            var paused = new FieldReference(PausedField, module.TypeSystem.Int32, counterType);
            var envIl = new FieldReference(EnvironmentIlField, module.TypeSystem.Int64, counterType);
            var envCost = new FieldReference(EnvironmentCostField, module.TypeSystem.Int64, counterType);
            foreach (TypeDefinition type in module.GetTypes().ToList())
            {
                if (namespaces != null && !namespaces.Any(n => type.Namespace.StartsWith(n, StringComparison.Ordinal))) continue;
                foreach (MethodDefinition method in type.Methods)
                    if (method.HasBody)
                    {
                        CountEnvironment(method, envIl, envCost);
                        PauseAroundDeviceCalls(method, counted, paused);
                    }
            }
            using var stream = new MemoryStream();
            module.Write(stream);
            return stream.ToArray();
        }

        // Every basic block of an environment method adds its IL count and CostModel weight to the environment's counters.
        /// <summary>A new instruction with <paramref name="leader"/>'s opcode and operand (the leader itself becomes the count's first).</summary>
        static Instruction CopyOf(ILProcessor il, Instruction leader)
        {
            Instruction copy = il.Create(OpCodes.Nop);
            copy.OpCode = leader.OpCode;
            copy.Operand = leader.Operand;
            return copy;
        }

        static void CountEnvironment(MethodDefinition method, FieldReference envIl, FieldReference envCost)
        {
            MethodBody body = method.Body;
            body.SimplifyMacros();
            List<Instruction> leaders = Leaders(body);
            Blocks(body, leaders, out _, out int[] sizes, out long[] weights);
            ILProcessor il = body.GetILProcessor();
            for (int b = 0; b < leaders.Count; b++)
            {
                // As in Instrument: the leader becomes the first added instruction, a copy of it follows the counting.
                Instruction leader = leaders[b];
                Instruction copy = CopyOf(il, leader);
                Instruction[] add = AddTo(il, envIl, sizes[b], envCost, weights[b]);
                leader.OpCode = add[0].OpCode;
                leader.Operand = add[0].Operand;
                il.InsertAfter(InsertAfter(il, leader, add.Skip(1)), copy);
            }
            body.OptimizeMacros();
        }

        // Each basic block's first instruction (its index), IL count and CostModel weight.
        static void Blocks(MethodBody body, List<Instruction> leaders, out int[] starts, out int[] sizes, out long[] weights)
        {
            var index = new Dictionary<Instruction, int>();
            for (int i = 0; i < body.Instructions.Count; i++) index[body.Instructions[i]] = i;
            starts = new int[leaders.Count];
            sizes = new int[leaders.Count];
            weights = new long[leaders.Count];
            for (int b = 0; b < leaders.Count; b++)
            {
                starts[b] = index[leaders[b]];
                int end = b + 1 < leaders.Count ? index[leaders[b + 1]] : body.Instructions.Count;
                sizes[b] = end - starts[b];
                for (int i = starts[b]; i < end; i++) weights[b] += CostModel.Weight(body.Instructions[i], body.Method);
            }
            // The frame's locals are set up on entry: charged with the first block. A branch back to the method's first
            // instruction would charge them again: only compare-and-swap retry loops start so (MacRequestSlot, MacAnswers),
            // and they go round again only when another thread raced them, never in a measured operation.
            if (leaders.Count > 0) weights[0] += CostModel.EntryWeight(body.Method);
        }

        // Inserts the instructions in order after last; returns the last one inserted (last when none).
        static Instruction InsertAfter(ILProcessor il, Instruction last, IEnumerable<Instruction> add)
        {
            foreach (Instruction i in add) { il.InsertAfter(last, i); last = i; }
            return last;
        }

        // field += value (a static long)
        static Instruction[] Add(ILProcessor il, FieldReference field, long value)
        {
            return new[] { il.Create(OpCodes.Ldsfld, field), il.Create(OpCodes.Ldc_I8, value), il.Create(OpCodes.Add), il.Create(OpCodes.Stsfld, field) };
        }

        // first += a; second += b
        static Instruction[] AddTo(ILProcessor il, FieldReference first, long a, FieldReference second, long b)
        {
            return Add(il, first, a).Concat(Add(il, second, b)).ToArray();
        }

        static void PauseAroundDeviceCalls(MethodDefinition method, ICollection<string> counted, FieldReference paused)
        {
            MethodBody body = method.Body;
            body.SimplifyMacros();
            ILProcessor il = body.GetILProcessor();
            foreach (Instruction call in body.Instructions.ToList())
            {
                if (call.OpCode.Code != Code.Call && call.OpCode.Code != Code.Callvirt && call.OpCode.Code != Code.Newobj) continue;
                var target = (MethodReference)call.Operand;
                string assembly = target.DeclaringType.Scope is AssemblyNameReference a ? a.Name : target.DeclaringType.Module.Assembly.Name.Name;
                if (!counted.Contains(assembly)) continue;
                if (Array.IndexOf(EntryPoints, target.DeclaringType.FullName + "::" + target.Name) >= 0) continue;
                // A prefixed call (constrained., tail.) keeps its prefix next to it: Paused++ goes before the prefix.
                Instruction first = call.Previous != null && call.Previous.OpCode.OpCodeType == OpCodeType.Prefix ? call.Previous : call;
                Instruction copy = il.Create(OpCodes.Nop);
                copy.OpCode = first.OpCode;
                copy.Operand = first.Operand;
                first.OpCode = OpCodes.Ldsfld;
                first.Operand = paused;
                Instruction[] raise = { il.Create(OpCodes.Ldc_I4_1), il.Create(OpCodes.Add), il.Create(OpCodes.Stsfld, paused), copy };
                Instruction last = first;
                foreach (Instruction i in raise) { il.InsertAfter(last, i); last = i; }
                Instruction after = first == call ? copy : call;
                Instruction[] lower = { il.Create(OpCodes.Ldsfld, paused), il.Create(OpCodes.Ldc_I4_1), il.Create(OpCodes.Sub), il.Create(OpCodes.Stsfld, paused) };
                last = after;
                foreach (Instruction i in lower) { il.InsertAfter(last, i); last = i; }
            }
            body.OptimizeMacros();
        }

        // array[element] += value (a long[] in a static field)
        static void AddToElement(ILProcessor il, List<Instruction> to, FieldReference array, int element, long value, TypeReference int64)
        {
            to.Add(il.Create(OpCodes.Ldsfld, array));
            to.Add(il.Create(OpCodes.Ldc_I4, element));
            to.Add(il.Create(OpCodes.Ldelema, int64));
            to.Add(il.Create(OpCodes.Dup));
            to.Add(il.Create(OpCodes.Ldind_I8));
            to.Add(il.Create(OpCodes.Ldc_I8, value));
            to.Add(il.Create(OpCodes.Add));
            to.Add(il.Create(OpCodes.Stind_I8));
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

        static bool IsLock(Instruction i)
        {
            return i.OpCode.Code == Code.Call && i.Operand is MethodReference m && m.Name == "Enter" && m.DeclaringType.FullName == "System.Threading.Monitor";
        }

        static void Instrument(MethodDefinition method, FieldReference counter, FieldReference methods, int id, FieldReference paused, FieldReference locks,
            FieldReference cost, FieldReference[] environment, FieldReference[] allocations)
        {
            MethodBody body = method.Body;
            body.SimplifyMacros();
            List<Instruction> leaders = Leaders(body);
            Instruction entry = body.Instructions[0];
            bool entryIsTarget = body.Instructions.Any(i => i.Operand == entry || (i.Operand is Instruction[] t && t.Contains(entry)));
            Blocks(body, leaders, out int[] starts, out int[] sizes, out long[] weights);
            var lockCalls = new int[leaders.Count];
            var allocs = new int[leaders.Count];
            for (int b = 0; b < leaders.Count; b++)
                for (int i = starts[b]; i < starts[b] + sizes[b]; i++)
                {
                    if (IsLock(body.Instructions[i])) lockCalls[b]++;
                    allocs[b] += NanoAllocations.Of(body.Instructions[i], method);
                }
            ILProcessor il = body.GetILProcessor();
            for (int b = 0; b < leaders.Count; b++)
            {
                // The leader becomes the first instruction of the counting (so every branch and handler boundary that
                // names it now enters through the count), and a copy of it follows:
                // if (Paused == 0) Count += size, ... else EnvironmentIl += size, EnvironmentCost += weight
                Instruction leader = leaders[b];
                Instruction copy = CopyOf(il, leader);
                leader.OpCode = OpCodes.Ldsfld;
                leader.Operand = paused;
                Instruction[] apart = AddTo(il, environment[0], sizes[b], environment[1], weights[b]);
                Instruction skip = il.Create(OpCodes.Brtrue, apart[0]);
                il.InsertAfter(leader, skip);
                // Count += size; Cost += the block's estimated x86 (CostModel)
                Instruction last = InsertAfter(il, skip, AddTo(il, counter, sizes[b], cost, weights[b]));
                // Locks += the Monitor.Enter calls of this block
                if (lockCalls[b] > 0) last = InsertAfter(il, last, Add(il, locks, lockCalls[b]));
                if (allocs[b] > 0) last = InsertAfter(il, last, AllocationCount(il, allocations, id, allocs[b]));
                if (methods != null)
                {
                    // Methods[3 id] += size, Methods[3 id + 1] += weight, and on entry (the first block, when no branch returns
                    // to it) Methods[3 id + 2] += 1: the method's calls
                    var profile = new List<Instruction>();
                    AddToElement(il, profile, methods, MethodSlots * id, sizes[b], method.Module.TypeSystem.Int64);
                    AddToElement(il, profile, methods, MethodSlots * id + 1, weights[b], method.Module.TypeSystem.Int64);
                    if (b == 0 && !entryIsTarget) AddToElement(il, profile, methods, MethodSlots * id + 2, 1, method.Module.TypeSystem.Int64);
                    last = InsertAfter(il, last, profile);
                }
                Instruction over = il.Create(OpCodes.Br, copy);
                il.InsertAfter(last, over);
                last = over;
                il.InsertAfter(InsertAfter(il, last, apart), copy);
            }
            int locals = NanoAllocations.Locals(method);
            if (locals > 0)
            {
                // Each entry allocates the struct locals (InitializeLocals): if (Paused == 0) Allocations += locals, before
                // block 0's count so that a branch back to the method's first instruction does not count them again.
                Instruction first = body.Instructions[0];
                Instruction[] count = AllocationCount(il, allocations, id, locals);
                il.InsertBefore(first, il.Create(OpCodes.Ldsfld, paused));
                il.InsertBefore(first, il.Create(OpCodes.Brtrue, first));
                foreach (Instruction c in count) il.InsertBefore(first, c);
            }
            body.OptimizeMacros();
        }

        // Allocations += n, and with a profile MethodAllocations[id] += n
        static Instruction[] AllocationCount(ILProcessor il, FieldReference[] allocations, int id, int n)
        {
            var list = new List<Instruction>(Add(il, allocations[0], n));
            if (allocations[1] != null) AddToElement(il, list, allocations[1], id, n, il.Body.Method.Module.TypeSystem.Int64);
            return list.ToArray();
        }
    }
}
