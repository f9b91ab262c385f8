using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Simulation;

namespace LoRaWan.IlMeter.Workload
{
    /// <summary>
    /// What the stack holds after an OTAA join on the simulated EU868 board, priced by <see cref="NanoHeapModel"/> for the
    /// ESP32 (32-bit) and a 64-bit nanoCLR: everything reachable from the LoRaWanDevice and from the static fields of the
    /// device assemblies (the stack's four and Drivers.Sx127x), walking through device types, their structs, arrays,
    /// strings, boxed values and the delegates whose method and target are the stack's; the static field slots
    /// themselves. The environment (the simulated chip, air and network, the store's backing, the scheduler, the
    /// application's event handlers) is neither walked nor counted, and neither are the runtime's own structures for
    /// threads, stack frames, locks and timers.
    /// </summary>
    public static class HeldMemory
    {
        /// <summary>How many holders the report lists, largest first.</summary>
        public static int TopHolders = 30;

        /// <summary>
        /// The report: totals under both models, the top holders, what the first uplink added. <paramref name="totals"/>, if
        /// given (4 elements), receives the held bytes { 64-bit after the join, 32-bit after the join, 64-bit after the
        /// first uplink, 32-bit after it }.
        /// </summary>
        public static string AfterJoin(long[] totals)
        {
            string report = Measure(out long[] t);
            if (totals != null) System.Array.Copy(t, totals, 4);
            return report;
        }

        static string Measure(out long[] totals)
        {
            var net = new NetworkOptions();
            net.RecordHistory = false;
            var world = new VirtualWorld("EU868", 5, net);
            var id = DeviceIdentity.Otaa("0042004213424341", "0000001223224242", "BEC499C69E9C939E413B663961636C61");
            world.Register(id, LoRaWanVersion.V1_0_4);
            var o = new LoRaWanOptions();
            o.Adr = false;
            o.DataRate = 5;
            o.RandomSeed = 5;
            LoRaWanDevice device = world.PowerOn(id, o);
            if (!device.Join(120000)) throw new InvalidOperationException("not joined");
            var joined = new Walk(device);
            device.Send(1, new byte[20], false, 60000);
            world.Sleep(20000);
            var sent = new Walk(device);
            totals = new[] { joined.Bytes64, joined.Bytes32, sent.Bytes64, sent.Bytes32 };
            var s = new StringBuilder();
            s.AppendLine("held after the join (nanoCLR heap model, Host/IlMeter/Workload/NanoHeapModel.cs):");
            s.AppendLine($"  64-bit nanoCLR: {joined.Bytes64:N0} B ({joined.Bytes64 / NanoHeapModel.Bits64.Block:N0} blocks of {NanoHeapModel.Bits64.Block} B); ESP32 (32-bit): {joined.Bytes32:N0} B (blocks of {NanoHeapModel.Bits32.Block} B)");
            s.AppendLine($"  of which static (slots, tables: the same whatever the device): 64-bit {joined.Static64:N0} B, 32-bit {joined.Static32:N0} B; the device's objects: 64-bit {joined.Bytes64 - joined.Static64:N0} B, 32-bit {joined.Bytes32 - joined.Static32:N0} B");
            s.AppendLine("  " + joined.Counts());
            s.AppendLine($"  {"64-bit B",9} {"32-bit B",9} {"count",6}  holder (a type's instances; an array, string, struct or delegate by the field holding it)");
            foreach (KeyValuePair<string, Walk.Tally> kv in joined.Holders.OrderByDescending(k => k.Value.Bytes64).ThenBy(k => k.Key, StringComparer.Ordinal).Take(TopHolders))
                s.AppendLine($"  {kv.Value.Bytes64,9:N0} {kv.Value.Bytes32,9:N0} {kv.Value.Count,6}  {kv.Key}");
            var added = new List<string>();
            foreach (KeyValuePair<string, Walk.Tally> kv in sent.Holders)
            {
                joined.Holders.TryGetValue(kv.Key, out Walk.Tally was);
                if (kv.Value.Bytes64 != was.Bytes64 || kv.Value.Count != was.Count) added.Add($"{kv.Key} {kv.Value.Bytes64 - was.Bytes64:+#;-#;0} B ({kv.Value.Count - was.Count:+#;-#;0})");
            }
            foreach (KeyValuePair<string, Walk.Tally> kv in joined.Holders)
                if (!sent.Holders.ContainsKey(kv.Key)) added.Add($"{kv.Key} -{kv.Value.Bytes64} B (-{kv.Value.Count})");
            added.Sort(StringComparer.Ordinal);
            s.AppendLine($"after the first uplink: 64-bit {sent.Bytes64:N0} B, 32-bit {sent.Bytes32:N0} B; " + sent.Counts());
            s.AppendLine("the first uplink added: " + string.Join(", ", added));
            s.Append("reached and not counted (not the stack's types): " + string.Join(", ", joined._outside));
            return s.ToString();
        }

        static bool IsDevice(Type t)
        {
            string a = t.Assembly.GetName().Name;
            return a == "LoRaWan.Radio" || a == "LoRaWan.Codec" || a == "LoRaWan.Regions" || a == "LoRaWan.Mac" || a == "Drivers.Sx127x";
        }

        /// <summary>One walk of the graph, priced under both models.</summary>
        sealed class Walk
        {
            public struct Tally
            {
                public int Count;
                public long Bytes32, Bytes64;
            }

            public readonly Dictionary<string, Tally> Holders = new Dictionary<string, Tally>();
            public long Bytes32, Bytes64;
            public readonly SortedSet<string> _outside = new SortedSet<string>(StringComparer.Ordinal);
            int _objects, _structs, _arrays, _strings, _literals, _boxed, _delegates, _statics;
            long _elementBytes;
            readonly HashSet<object> _seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
            readonly Stack<(object Value, string Via)> _stack = new Stack<(object, string)>();
            // References that name an object for its identity and do not own it (Aes128's cache of which caller array its
            // schedule was expanded from): walked after everything else, so what they name is charged to its owner, and to
            // them only when nothing else reaches it. A schedule shared by two users (issue 20) then does not move a key
            // array from one holder to another when the other user loads its key.
            readonly List<(object Value, string Via)> _deferred = new List<(object, string)>();
            static readonly HashSet<string> NotOwning = new HashSet<string>(StringComparer.Ordinal) { "LoRaWan.Crypto.Aes128._keyArray" };

            public Walk(object root)
            {
                var assemblies = new[] { typeof(LoRaWan.Radio.AirTime).Assembly, typeof(LoRaWan.Crypto.Aes128).Assembly, typeof(LoRaWan.Regions.Region).Assembly, typeof(LoRaWanDevice).Assembly, typeof(Drivers.Sx127x.Sx1276).Assembly };
                foreach (Type t in assemblies.SelectMany(a => a.GetTypes()).OrderBy(t => t.FullName, StringComparer.Ordinal))
                    foreach (FieldInfo f in t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                    {
                        if (f.IsLiteral || t.ContainsGenericParameters) continue;
                        _statics++;
                        Charge("static field slots", 1);
                        Reference(f.FieldType, f.GetValue(null), Name(t) + "." + f.Name);
                    }
                Drain();
                Static32 = Bytes32;
                Static64 = Bytes64;
                _stack.Push((root, null));
                Drain();
                foreach ((object Value, string Via) d in _deferred) _stack.Push(d);
                Drain();
            }

            /// <summary>The part held through static fields (the slots and what only they reach): the same for every device.</summary>
            public long Static32, Static64;

            void Drain()
            {
                while (_stack.Count > 0)
                {
                    (object x, string via) = _stack.Pop();
                    if (_seen.Add(x)) Visit(x, via);
                }
            }

            public string Counts() =>
                $"{_objects} objects, {_structs} struct allocations, {_arrays} arrays ({_elementBytes:N0} element bytes), {_strings} strings ({_literals} literals), {_boxed} boxed values, {_delegates} delegates, {_statics} static field slots";

            static string Name(Type t) => t.FullName.Replace('+', '.');

            void Charge(string holder, int blocks) => Charge(holder, blocks * (long)NanoHeapModel.Bits32.Block, blocks * (long)NanoHeapModel.Bits64.Block);

            void Charge(string holder, long b32, long b64)
            {
                Holders.TryGetValue(holder, out Tally t);
                t.Count++;
                t.Bytes32 += b32;
                t.Bytes64 += b64;
                Holders[holder] = t;
                Bytes32 += b32;
                Bytes64 += b64;
            }

            /// <summary>A value stored in a slot of declared type <paramref name="declared"/> (a field, a static, an array element).</summary>
            void Reference(Type declared, object value, string via)
            {
                if (value == null) return;
                if (declared.IsValueType)
                {
                    if (!declared.IsPrimitive && !declared.IsEnum && declared != typeof(DateTime) && declared != typeof(TimeSpan))
                        Struct(declared, value, via);   // its own allocation (InitializeReference → NewObject)
                    return;
                }
                _stack.Push((value, via));
            }

            static int Fields(Type t, List<FieldInfo> into)
            {
                int n = 0;
                for (Type c = t; c != null && c != typeof(object) && c != typeof(ValueType); c = c.BaseType)
                {
                    if (!IsDevice(c) && c != typeof(EventArgs)) throw new NotSupportedException("no nanoCLR layout for base type " + c + " of " + t);
                    foreach (FieldInfo f in c.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                    {
                        n++;
                        into?.Add(f);
                    }
                }
                return n;
            }

            void Struct(Type t, object value, string via)
            {
                if (!IsDevice(t)) throw new NotSupportedException("no nanoCLR layout for struct " + t + " at " + via);
                var fields = new List<FieldInfo>();
                int n = Fields(t, fields);
                _structs++;
                Charge(via + " (" + Name(t) + ")", n + 1);
                foreach (FieldInfo f in fields) Reference(f.FieldType, f.GetValue(value), via + "." + f.Name);
            }

            void Visit(object x, string via)
            {
                Type t = x.GetType();
                if (x is string s)
                {
                    bool literal = string.IsInterned(s) != null;
                    _strings++;
                    if (literal) _literals++;
                    Charge(literal ? "string literals" : via + " (string)", NanoHeapModel.Bits32.String(s, literal), NanoHeapModel.Bits64.String(s, literal));
                    return;
                }
                if (x is Array a)
                {
                    Type e = t.GetElementType();
                    int size = NanoHeapModel.ElementSize(e);
                    _arrays++;
                    _elementBytes += size == 0 ? 4L * a.Length : (long)size * a.Length;
                    Charge(via + " (" + e.Name + "[" + a.Length + "])", NanoHeapModel.Bits32.Array(a.Length, size), NanoHeapModel.Bits64.Array(a.Length, size));
                    if (size == 0)
                        for (int i = 0; i < a.Length; i++) Reference(e, a.GetValue(i), via + "[]");
                    return;
                }
                if (x is Delegate d)
                {
                    if (d.GetInvocationList().Length != 1) throw new NotSupportedException("multicast delegate at " + via);
                    if (!IsDevice(d.Method.DeclaringType) || (d.Target != null && !IsDevice(d.Target.GetType()))) return;   // the application's handler
                    _delegates++;
                    Charge(via + " (delegate)", NanoHeapModel.Bits32.Delegate(), NanoHeapModel.Bits64.Delegate());
                    if (d.Target != null) _stack.Push((d.Target, via + ".Target"));
                    return;
                }
                if (t.IsValueType)
                {
                    _boxed++;
                    if (t.IsPrimitive || t.IsEnum) Charge(via + " (boxed " + t.Name + ")", 2);   // PerformBoxing: 2 blocks
                    else Struct(t, x, via + " (boxed)");
                    return;
                }
                if (!IsDevice(t))
                {
                    if (t == typeof(object)) { _objects++; Charge("System.Object", 1); return; }
                    _outside.Add(Name(t) + " at " + via);   // the environment, or a runtime type not modelled
                    return;
                }
                var fields = new List<FieldInfo>();
                int n = Fields(t, fields);
                _objects++;
                Charge(Name(t), n + 1);
                foreach (FieldInfo f in fields)
                {
                    string via2 = Name(t) + "." + f.Name;
                    object v = f.GetValue(x);
                    if (v != null && NotOwning.Contains(via2)) _deferred.Add((v, via2));
                    else Reference(f.FieldType, v, via2);
                }
            }
        }
    }
}
