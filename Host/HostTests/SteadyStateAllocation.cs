using System;
using System.Reflection;

namespace LoRaWan.HostTests
{
    /// <summary>
    /// Bytes the calling thread allocates in a steady-state window (GC.GetAllocatedBytesForCurrentThread), without the
    /// one allocation the .NET runtime itself makes on whichever thread happens to cast: its cast cache.
    /// </summary>
    /// <remarks>
    /// CoreCLR keeps one process-wide cache of cast results, System.Runtime.CompilerServices.CastHelpers.s_table: an
    /// int[] of (entries + 1) × 24 bytes, 128 entries at start-up. When a cast misses it and the entry's bucket is full,
    /// the runtime (castcache.cpp, TrySet → TryGrow) replaces it with a new, empty table of twice the entries, up to
    /// 4,096, allocated on the thread that cast: int[1,542] = 6,192 B for 256 entries, int[24,582] = 98,352 B for 4,096,
    /// exactly the bytes MacAllocationTests reported in some full-suite runs. It also empties it to a 2-entry sentinel
    /// (CastCache::FlushCurrentCache) when a collectible AssemblyLoadContext is freed — the IL meter's, unloaded by
    /// HeldMemoryTests (Host/HostTests/Meter) just before the windows, or BoardDefinitionTests' — whenever a
    /// collection has found it unreachable (LoaderAllocator::GCLoaderAllocators); the next cast that misses re-creates
    /// it at its last size on its own thread (98,352 or 6,192 B in full-suite runs, SteadyStateAllocationTests). The device code
    /// casts (interface casts, stores into interface-typed arrays); whether one of its casts lands in a full bucket depends on every cast the
    /// process made before (other tests) and on where the types were loaded (different in every run), so it happens
    /// in some full-suite runs only. That table is the host runtime's, not the device's (nanoCLR has no such cache). So a
    /// window in which the thread allocated and the table was replaced is measured again (up to
    /// <see cref="MaxWindows"/> windows); a window in which the table stayed the same counts as it is, so a per-frame
    /// allocation, which allocates in every window, still fails.
    /// </remarks>
    public static class SteadyStateAllocation
    {
        /// <summary>How many windows one measurement may take when the runtime re-creates its cast cache in them.</summary>
        public const int MaxWindows = 3;

        /// <summary>
        /// Runs <paramref name="prepare"/> (not measured: e.g. the network's queue entries) and then
        /// <paramref name="window"/> (measured), again while the runtime's cast cache was re-created during a window
        /// that allocated; returns the last window's bytes. <paramref name="note"/> says which windows were discarded.
        /// </summary>
        public static long Measure(Action prepare, Action window, out string note)
        {
            note = "";
            long allocated = 0;
            for (int attempt = 1; attempt <= MaxWindows; attempt++)
            {
                if (prepare != null) prepare();
                object table = CastCacheTable();
                long before = GC.GetAllocatedBytesForCurrentThread();
                window();
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                object after = CastCacheTable();
                if (allocated == 0 || table == null || ReferenceEquals(table, after)) return allocated;
                note += $"window {attempt}: {allocated} B, during which the runtime re-created its cast cache ({ArrayBytes(after)} B); ";
            }
            return allocated;
        }

        /// <summary>The runtime's current cast cache table, or null when this runtime keeps it elsewhere.</summary>
        public static object CastCacheTable()
        {
            // CoreCLR: CastHelpers.s_table, which the runtime's native CastCache replaces (castcache.cpp).
            Type helpers = typeof(object).Assembly.GetType("System.Runtime.CompilerServices.CastHelpers");
            FieldInfo tableField = helpers?.GetField("s_table", BindingFlags.Static | BindingFlags.NonPublic);
            return tableField?.GetValue(null);
        }

        static long ArrayBytes(object table)
        {
            // An int[] on 64-bit .NET: 24 bytes of header and length, then 4 bytes per element.
            return table is int[] ints ? 24L + 4L * ints.Length : -1;
        }
    }
}
