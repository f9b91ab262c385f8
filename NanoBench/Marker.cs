using System;

namespace LoRaWan.NanoBench
{
    /// <summary>
    /// Where a measured part of the run begins and ends, for a profiler that watches native functions: each call is one
    /// <c>GC.WaitForPendingFinalizers</c>, which (with no finalizer pending) makes one call of mscorlib's internal native
    /// <c>GC.AnyPendingFinalizers</c> (nanoCLR's <c>Library_corlib_native_System_GC::AnyPendingFinalizers___STATIC__BOOLEAN</c>),
    /// which the stack never calls, so <c>valgrind --tool=callgrind --dump-before='*AnyPendingFinalizers*'</c> writes
    /// one profile part per interval.
    /// </summary>
    public static class Marker
    {
        /// <summary>Ends the current part and begins the next.</summary>
        public static void Cut()
        {
            GC.WaitForPendingFinalizers();
        }
    }
}
