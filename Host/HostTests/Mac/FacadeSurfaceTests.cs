using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Mac
{
    /// <summary>
    /// The facade stays narrow (issue 14, "A narrow facade"): <see cref="LoRaWanDevice"/>'s public members are exactly
    /// the list below, written by hand from the issue (Join/Send and their Begin forms, the events, IsJoined,
    /// MaxPayload, DutyCycleRestMs, DevAddr, a read-only Diagnostics view, the device-initiated MAC commands), and
    /// nothing reachable from it can be written: no MAC, no session, no settable counter. Widening the facade means
    /// changing this list on purpose.
    /// </summary>
    [TestClass]
    public class FacadeSurfaceTests
    {
        static readonly string[] ExpectedSurface =
        {
            "ctor(IRadio, Region, DeviceIdentity, INonVolatileStore, IScheduler, LoRaWanOptions)",
            "ctor(IRadio, Region, DeviceIdentity, INonVolatileStore, IScheduler, LoRaWanOptions, MacWiring)",
            "ctor(ClassAMac)",
            "const GpsLeapSeconds: Int32",
            "event OnDownlink: DownlinkEventHandler",
            "event OnJoinAttempt: JoinAttemptEventHandler",
            "event OnUplinkCompleted: UplinkCompletedEventHandler",
            "event OnLinkCheck: LinkCheckEventHandler",
            "event OnNetworkTime: NetworkTimeEventHandler",
            "property IsJoined: Boolean { get }",
            "property MaxPayload: Int32 { get }",
            "property DutyCycleRestMs: Int64 { get }",
            "property DevAddr: UInt32 { get }",
            "property Diagnostics: MacDiagnostics { get }",
            "property DeviceClass: DeviceClass { get }",   // issue 15: Class C
            "method SetDeviceClass(DeviceClass): Void",     // issue 15: Class C
            "method Join(Int32): Boolean",
            "method BeginJoin(): Boolean",
            "method StartRejoin(Int32): Boolean",           // LoRaWAN 1.1 Rejoin-request types 0 and 1
            "method Send(Int32, Byte[], Boolean, Int32): SendResult",
            "method Send(Int32, Byte[], Boolean): SendResult",
            "method Send(Int32, Byte[], Int32, Int32, Boolean, Int32, UplinkOutcome): SendStatus",   // the allocation-free Send (its outcome in the caller's object)
            "method BeginSend(Int32, Byte[], Int32, Int32, Boolean): SendResult",
            "method RequestLinkCheck(): Void",
            "method RequestDeviceTime(): Boolean",
            "method TryGetNetworkTime(Int64&): Boolean",
            "method TryGetNetworkTimeUtc(DateTime&): Boolean",
            "method Dispose(): Void",
        };

        [TestMethod]
        public void LoRaWanDevice_PublicSurface_IsExactlyTheSketchApi()
        {
            string[] actual = Describe(typeof(LoRaWanDevice));
            string[] missing = ExpectedSurface.Except(actual).ToArray();
            string[] extra = actual.Except(ExpectedSurface).ToArray();
            Assert.IsTrue(missing.Length == 0 && extra.Length == 0,
                "missing: [" + string.Join("; ", missing) + "]  not in the issue's list: [" + string.Join("; ", extra) + "]");
        }

        [TestMethod]
        public void LoRaWanDevice_ImplementsNoMacInterface()
        {
            // A public IMacListener would let any caller fake the MAC's events (finish a waiting Send with a made-up result).
            string[] interfaces = typeof(LoRaWanDevice).GetInterfaces().Select(i => i.Name).OrderBy(n => n).ToArray();
            Assert.AreEqual("IDisposable", string.Join(", ", interfaces));
        }

        [TestMethod]
        public void LoRaWanDevice_HasNoMacProperty()
        {
            var flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static;
            Assert.IsNull(typeof(LoRaWanDevice).GetProperty("Mac", flags), "device.Mac handed out the state machine");
            Assert.IsNull(typeof(LoRaWanDevice).GetProperty("BatteryLevel", flags), "wired through MacWiring at construction");
            foreach (PropertyInfo p in typeof(LoRaWanDevice).GetProperties(flags))
                Assert.IsFalse(p.PropertyType.Name == "ClassAMac" || p.PropertyType.Name == "DeviceSession", p.Name + " exposes " + p.PropertyType.Name);
        }

        /// <summary>
        /// Walks every type reachable through the facade's public properties and fields (and theirs, transitively): none
        /// has a public setter, a public writable field or a public method other than getters (Record, Save…).
        /// </summary>
        [TestMethod]
        public void NothingReachableFromTheFacade_IsWritable()
        {
            var problems = new List<string>();
            var seen = new HashSet<Type>();
            var queue = new Queue<Type>();
            queue.Enqueue(typeof(LoRaWanDevice));
            while (queue.Count > 0)
            {
                Type t = queue.Dequeue();
                if (!seen.Add(t)) continue;
                var flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
                foreach (PropertyInfo p in t.GetProperties(flags))
                {
                    if (p.SetMethod != null && p.SetMethod.IsPublic) problems.Add(t.Name + "." + p.Name + " has a public setter");
                    Follow(p.PropertyType, queue);
                }
                foreach (FieldInfo f in t.GetFields(flags))
                {
                    if (!f.IsLiteral && !f.IsInitOnly) problems.Add(t.Name + "." + f.Name + " is a writable public field");
                    if (!f.IsLiteral) Follow(f.FieldType, queue);
                }
                if (t == typeof(LoRaWanDevice)) continue;   // its methods are the sketch API, pinned above
                foreach (MethodInfo m in t.GetMethods(flags))
                    if (!m.IsSpecialName) problems.Add(t.Name + "." + m.Name + "() is a public method of a diagnostics view");
            }
            Assert.IsTrue(seen.Contains(typeof(LoRaWan.Mac.MacDiagnostics)), "the walk reached Diagnostics");
            Assert.AreEqual(0, problems.Count, string.Join("; ", problems));
        }

        [TestMethod]
        public void DiagnosticsCounters_CannotBeWritten()
        {
            Type counters = typeof(LoRaWan.Mac.MacCounters);
            var flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static;
            Assert.AreEqual(0, counters.GetFields(flags).Length, "public fields: " + string.Join(", ", counters.GetFields(flags).Select(f => f.Name)));
            Assert.IsTrue(counters.GetProperties(flags).Length >= 15, "the fifteen counters are readable");
            foreach (PropertyInfo p in counters.GetProperties(flags))
                Assert.IsTrue(p.SetMethod == null || !p.SetMethod.IsPublic, p.Name + " is settable");
            Type timing = typeof(LoRaWan.Mac.WindowTimingStats);
            Assert.AreEqual(0, timing.GetFields(flags).Length, "public timing fields");
            Assert.IsNull(timing.GetMethod("Record", flags), "a caller could add measurements");
        }

        /// <summary>
        /// README's API section ("Using the stack in a sketch") names every public member of the facade, and names no
        /// `device.Mac` (the "README's API section matches the facade").
        /// </summary>
        [TestMethod]
        public void ReadmeApiSection_NamesEveryPublicMember()
        {
            string readme = System.IO.File.ReadAllText(System.IO.Path.Combine(RepoPaths.Root, "README.md"));
            int start = readme.IndexOf("## Using the stack in a sketch", StringComparison.Ordinal);
            Assert.IsTrue(start >= 0, "README has the API section");
            int end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
            string section = readme.Substring(start, (end < 0 ? readme.Length : end) - start);
            var flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var names = new SortedSet<string>(StringComparer.Ordinal);
            foreach (MemberInfo m in typeof(LoRaWanDevice).GetMembers(flags))
                if (m.MemberType != MemberTypes.Constructor && !(m is MethodInfo mi && mi.IsSpecialName)) names.Add(m.Name);
            string[] missing = names.Where(n => !section.Contains("`" + n, StringComparison.Ordinal) && !section.Contains(" " + n + "`", StringComparison.Ordinal)
                && !section.Contains(", " + n, StringComparison.Ordinal)).ToArray();
            Assert.AreEqual(0, missing.Length, "not in README's API section: " + string.Join(", ", missing));
            string whole = readme;
            Assert.IsFalse(whole.Contains("device.Mac", StringComparison.Ordinal), "README still reaches the MAC through the device");
        }

        // Types a walk does not enter: values (copied out) and the BCL.
        static void Follow(Type t, Queue<Type> queue)
        {
            if (t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(DateTime) || t.IsArray) return;
            if (t.Namespace == null || !t.Namespace.StartsWith("LoRaWan", StringComparison.Ordinal)) return;
            queue.Enqueue(t);
        }

        static string[] Describe(Type t)
        {
            var flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var list = new List<string>();
            foreach (ConstructorInfo c in t.GetConstructors(BindingFlags.Public | BindingFlags.Instance))
                list.Add("ctor(" + Parameters(c) + ")");
            foreach (FieldInfo f in t.GetFields(flags))
                list.Add((f.IsLiteral ? "const " : "field ") + f.Name + ": " + f.FieldType.Name);
            foreach (EventInfo e in t.GetEvents(flags))
                list.Add("event " + e.Name + ": " + e.EventHandlerType.Name);
            foreach (PropertyInfo p in t.GetProperties(flags))
                list.Add("property " + p.Name + ": " + p.PropertyType.Name + " { "
                    + (p.GetMethod != null && p.GetMethod.IsPublic ? "get " : "") + (p.SetMethod != null && p.SetMethod.IsPublic ? "set " : "") + "}");
            foreach (MethodInfo m in t.GetMethods(flags))
                if (!m.IsSpecialName) list.Add("method " + m.Name + "(" + Parameters(m) + "): " + m.ReturnType.Name);
            return list.ToArray();
        }

        static string Parameters(MethodBase m) => string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name));
    }
}
