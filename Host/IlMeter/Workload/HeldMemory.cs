using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Simulation;

namespace LoRaWan.IlMeter.Workload
{
    /// <summary>
    /// What the stack holds after an OTAA join, counted as objects and element bytes rather than heap bytes: everything
    /// reachable from the LoRaWanDevice and from the static fields of the device assemblies, walking only through device
    /// types (the stack's four assemblies and Drivers.Sx127x) and their arrays; the environment (radio, chip, store, scheduler, the
    /// application's event handlers) is neither walked nor counted. Element bytes are the same on nanoCLR; per-object
    /// overhead is not (CoreCLR's 16/24-byte headers against nanoCLR's heap blocks), so no byte total is claimed.
    /// </summary>
    public static class HeldMemory
    {
        /// <summary>One line: objects, arrays, array element bytes, strings, static-field roots; before and after one uplink.</summary>
        public static string AfterJoin()
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
            var before = new Dictionary<string, int>();
            string joined = Walk(device, before);
            device.Send(1, new byte[20], false, 60000);
            world.Sleep(20000);
            var after = new Dictionary<string, int>();
            string sent = Walk(device, after);
            var added = new List<string>();
            foreach (KeyValuePair<string, int> kv in after)
            {
                before.TryGetValue(kv.Key, out int was);
                if (kv.Value != was) added.Add(kv.Key + (kv.Value - was > 0 ? " +" : " ") + (kv.Value - was));
            }
            added.Sort(StringComparer.Ordinal);
            return "after the join: " + joined + "\nafter the first uplink: " + sent + "\nthe first uplink added: " + string.Join(", ", added);
        }

        static bool IsDevice(Type t)
        {
            string a = t.Assembly.GetName().Name;
            return a == "LoRaWan.Radio" || a == "LoRaWan.Codec" || a == "LoRaWan.Regions" || a == "LoRaWan.Mac" || a == "Drivers.Sx127x";
        }

        static string Walk(object root, Dictionary<string, int> histogram)
        {
            var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
            var stack = new Stack<object>();
            stack.Push(root);
            // The static fields of the stack's four assemblies (one assembly, LoRaWan.Mac, before the split).
            var stackAssemblies = new[] { typeof(LoRaWan.Radio.AirTime).Assembly, typeof(LoRaWan.Crypto.Aes128).Assembly, typeof(LoRaWan.Regions.Region).Assembly, typeof(LoRaWanDevice).Assembly };
            foreach (Type t in stackAssemblies.SelectMany(a => a.GetTypes()))
                foreach (FieldInfo f in t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
                    if (!f.IsLiteral && !t.ContainsGenericParameters && f.GetValue(null) is object v) stack.Push(v);
            int objects = 0, arrays = 0, strings = 0;
            long elementBytes = 0, stringChars = 0;
            while (stack.Count > 0)
            {
                object x = stack.Pop();
                if (!seen.Add(x)) continue;
                Type t = x.GetType();
                if (IsDevice(t) || x is Array) { histogram.TryGetValue(t.FullName, out int n); histogram[t.FullName] = n + 1; }
                if (x is string s) { strings++; stringChars += s.Length; continue; }
                if (x is Array a)
                {
                    Type e = t.GetElementType();
                    if (e.IsPrimitive || e.IsEnum) { arrays++; elementBytes += e.IsPrimitive ? Buffer.ByteLength(a) : 4L * a.Length; continue; }
                    if (!IsDevice(e) && e != typeof(object) && e != typeof(string)) continue;
                    arrays++;
                    elementBytes += 4L * a.Length;   // one reference each (32-bit ESP32)
                    foreach (object item in a) if (item != null && (IsDevice(item.GetType()) || item is string || item is Array)) stack.Push(item);
                    continue;
                }
                if (!IsDevice(t)) continue;
                objects++;
                for (Type c = t; c != null && IsDevice(c); c = c.BaseType)
                    foreach (FieldInfo f in c.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                        if (!f.FieldType.IsValueType && f.GetValue(x) is object v && !(v is Delegate)) stack.Push(v);
            }
            return $"{objects} objects, {arrays} arrays holding {elementBytes:N0} element bytes, {strings} strings ({stringChars} chars)";
        }
    }
}
