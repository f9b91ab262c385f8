// mscorlib surface — value helpers, time, diagnostics, compiler services
// (CoreLibrary v1.17.11: System/SpanByte.cs, BitConverter.cs, Random.cs, TimeSpan.cs, DateTime.cs,
// Console.cs, Convert.cs, GC.cs, Diagnostics/*.cs, Reflection/*.cs, Runtime/CompilerServices/*.cs).
#pragma warning disable CS0626, CS0660, CS0661, CS0649, CS0169
namespace System
{
    public readonly ref struct SpanByte
    {
        private readonly byte[] _array;
        private readonly int _start;
        private readonly int _length;
        public extern SpanByte(byte[] array);
        public extern SpanByte(byte[] array, int start, int length);
        public extern byte this[int index] { get; set; }
        public static extern SpanByte Empty { get; }
        public extern int Length { get; }
        public extern bool IsEmpty { get; }
        public extern void CopyTo(SpanByte destination);
        public extern SpanByte Slice(int start);
        public extern SpanByte Slice(int start, int length);
        public extern byte[] ToArray();
        public static extern implicit operator SpanByte(byte[] array);
    }

    public static class BitConverter
    {
        public static extern bool IsLittleEndian { get; }
        public static extern byte[] GetBytes(int value);
        public static extern byte[] GetBytes(uint value);
        public static extern byte[] GetBytes(short value);
        public static extern byte[] GetBytes(ushort value);
        public static extern byte[] GetBytes(long value);
        public static extern byte[] GetBytes(ulong value);
        public static extern short ToInt16(byte[] value, int startIndex);
        public static extern int ToInt32(byte[] value, int startIndex);
        public static extern long ToInt64(byte[] value, int startIndex);
        public static extern ushort ToUInt16(byte[] value, int startIndex);
        public static extern uint ToUInt32(byte[] value, int startIndex);
        public static extern ulong ToUInt64(byte[] value, int startIndex);
        public static extern string ToString(byte[] value);
        public static extern string ToString(byte[] value, int startIndex, int length);
    }

    public class Random
    {
        public extern Random();
        public extern Random(int seed);
        public virtual extern int Next();
        public virtual extern int Next(int maxValue);
        public virtual extern double NextDouble();
        public virtual extern void NextBytes(byte[] buffer);
    }

    public struct TimeSpan
    {
        private long _ticks;
        public const long TicksPerMillisecond = 10000;
        public const long TicksPerSecond = TicksPerMillisecond * 1000;
        public const long TicksPerMinute = TicksPerSecond * 60;
        public const long TicksPerHour = TicksPerMinute * 60;
        public const long TicksPerDay = TicksPerHour * 24;
        public static readonly TimeSpan Zero;
        public extern TimeSpan(long ticks);
        public extern TimeSpan(int hours, int minutes, int seconds);
        public extern TimeSpan(int days, int hours, int minutes, int seconds, int milliseconds);
        public extern long Ticks { get; }
        public extern int Days { get; }
        public extern int Hours { get; }
        public extern int Minutes { get; }
        public extern int Seconds { get; }
        public extern int Milliseconds { get; }
        public extern double TotalMilliseconds { get; }
        public extern double TotalSeconds { get; }
        public static extern TimeSpan FromTicks(long value);
        public static extern TimeSpan FromMilliseconds(long value);
        public static extern TimeSpan FromSeconds(long value);
        public static extern TimeSpan FromMinutes(long value);
        public static extern TimeSpan FromHours(long value);
        public override extern String ToString();
        public override extern bool Equals(Object value);
        public override extern int GetHashCode();
        public static extern TimeSpan operator -(TimeSpan t1, TimeSpan t2);
        public static extern TimeSpan operator +(TimeSpan t1, TimeSpan t2);
        public static extern bool operator ==(TimeSpan t1, TimeSpan t2);
        public static extern bool operator !=(TimeSpan t1, TimeSpan t2);
        public static extern bool operator <(TimeSpan t1, TimeSpan t2);
        public static extern bool operator >(TimeSpan t1, TimeSpan t2);
        public static extern bool operator <=(TimeSpan t1, TimeSpan t2);
        public static extern bool operator >=(TimeSpan t1, TimeSpan t2);
    }

    public enum DateTimeKind { Unspecified = 0, Utc = 1, Local = 2 }

    public struct DateTime
    {
        private ulong _ticks;
        public static readonly DateTime MinValue;
        public static readonly DateTime UnixEpoch;
        public extern DateTime(long ticks);
        public extern DateTime(long ticks, DateTimeKind kind);
        public extern DateTime(int year, int month, int day, int hour, int minute, int second);
        public extern DateTime Add(TimeSpan val);
        public extern DateTime AddSeconds(double val);
        public extern DateTime AddMilliseconds(double val);
        public extern DateTime AddTicks(long val);
        public extern long Ticks { get; }
        public extern int Year { get; }
        public static extern DateTime UtcNow { get; }
        public static extern DateTime FromUnixTimeSeconds(long seconds);
        public extern long ToUnixTimeSeconds();
        public override extern string ToString();
        public extern string ToString(string format);
        public override extern bool Equals(Object obj);
        public override extern int GetHashCode();
        public static extern TimeSpan operator -(DateTime d1, DateTime d2);
        public static extern DateTime operator +(DateTime d, TimeSpan t);
        public static extern bool operator ==(DateTime d1, DateTime d2);
        public static extern bool operator !=(DateTime t1, DateTime t2);
        public static extern bool operator <(DateTime t1, DateTime t2);
        public static extern bool operator >(DateTime t1, DateTime t2);
    }

    public static class Console
    {
        public static extern void Write(string value);
        public static extern void WriteLine();
        public static extern void WriteLine(string value);
    }

    public static class Convert
    {
        public static extern string ToBase64String(byte[] inArray);
        public static extern string ToBase64String(byte[] inArray, int offset, int length);
        public static extern byte[] FromBase64String(string inString);
    }

    public static class GC
    {
        public static extern void SuppressFinalize(Object obj);
    }
}

namespace System.Collections
{
    public interface IEnumerable { IEnumerator GetEnumerator(); }
    public interface IEnumerator { bool MoveNext(); object Current { get; } void Reset(); }
    public interface ICollection : IEnumerable
    {
        void CopyTo(System.Array array, int index);
        int Count { get; }
        object SyncRoot { get; }
        bool IsSynchronized { get; }
    }
    public interface IList : ICollection
    {
        object this[int index] { get; set; }
        int Add(object value);
        bool Contains(object value);
        void Clear();
        bool IsReadOnly { get; }
        bool IsFixedSize { get; }
        int IndexOf(object value);
        void Insert(int index, object value);
        void Remove(object value);
        void RemoveAt(int index);
    }
    public interface IComparer { int Compare(object x, object y); }

    // System/Collections/ArrayList.cs
    public class ArrayList : IList, System.ICloneable
    {
        public extern ArrayList();
        public virtual extern int Capacity { get; set; }
        public virtual extern int Count { get; }
        public virtual extern bool IsFixedSize { get; }
        public virtual extern bool IsReadOnly { get; }
        public virtual extern bool IsSynchronized { get; }
        public virtual extern object SyncRoot { get; }
        public virtual extern object this[int index] { get; set; }
        public virtual extern int Add(object value);
        public virtual extern void Clear();
        public virtual extern object Clone();
        public virtual extern bool Contains(object value);
        public virtual extern void CopyTo(System.Array array);
        public virtual extern void CopyTo(System.Array array, int arrayIndex);
        public virtual extern IEnumerator GetEnumerator();
        public virtual extern int IndexOf(object value);
        public virtual extern void Insert(int index, object value);
        public virtual extern void Remove(object value);
        public virtual extern void RemoveAt(int index);
        public virtual extern object[] ToArray();
        public virtual extern System.Array ToArray(System.Type type);
    }
}

namespace System.Threading
{
    public delegate void ThreadStart();
    public delegate void TimerCallback(Object state);
    public enum ThreadPriority { Lowest = 0, BelowNormal = 1, Normal = 2, AboveNormal = 3, Highest = 4 }

    public sealed class Thread
    {
        public extern Thread(ThreadStart start);
        public extern void Start();
        public extern void Abort();
        public extern ThreadPriority Priority { get; set; }
        public extern int ManagedThreadId { get; }
        public extern bool IsAlive { get; }
        public extern void Join();
        public extern bool Join(int millisecondsTimeout);
        public static extern void Sleep(int millisecondsTimeout);
        public static extern void Sleep(TimeSpan timeout);
        public static extern Thread CurrentThread { get; }
    }

    public static class Timeout { public const int Infinite = -1; }

    public abstract class WaitHandle : MarshalByRefObject
    {
        public const int WaitTimeout = 0x102;
        public virtual extern bool WaitOne(int millisecondsTimeout, bool exitContext);
        public virtual extern bool WaitOne();
        public static extern bool WaitAll(WaitHandle[] waitHandles, int millisecondsTimeout, bool exitContext);
        public static extern int WaitAny(WaitHandle[] waitHandles, int millisecondsTimeout, bool exitContext);
        public static extern int WaitAny(WaitHandle[] waitHandles);
    }
    public sealed class AutoResetEvent : WaitHandle
    {
        public extern AutoResetEvent(bool initialState);
        public extern bool Reset();
        public extern bool Set();
    }
    public sealed class ManualResetEvent : WaitHandle
    {
        public extern ManualResetEvent(bool initialState);
        public extern bool Reset();
        public extern bool Set();
    }
    public static class Interlocked
    {
        public static extern int Increment(ref int location);
        public static extern int Decrement(ref int location);
        public static extern int Exchange(ref int location1, int value);
        public static extern int CompareExchange(ref int location1, int value, int comparand);
    }
    public static class Monitor
    {
        public static extern void Enter(Object obj);
        public static extern void Exit(Object obj);
    }
    public sealed class Timer : MarshalByRefObject, IDisposable
    {
        public extern Timer(TimerCallback callback, Object state, int dueTime, int period);
        public extern Timer(TimerCallback callback, Object state, TimeSpan dueTime, TimeSpan period);
        public extern bool Change(int dueTime, int period);
        public extern bool Change(TimeSpan dueTime, TimeSpan period);
        public extern void Dispose();
    }
}

namespace System.Diagnostics
{
    public static class Debug
    {
        public static extern void Assert(bool condition);
        public static extern void Assert(bool condition, string message);
        public static extern void Write(string message);
        public static extern void WriteLine();
        public static extern void WriteLine(string message);
    }
    public static class Debugger
    {
        public static extern bool IsAttached { get; }
        public static extern void Break();
    }
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
    public sealed class ConditionalAttribute : Attribute { public ConditionalAttribute(String conditionString) { } }
    // Diagnostics/DebuggerAttributes.cs (Roslyn emits DebuggableAttribute on debug builds)
    public sealed class DebuggableAttribute : Attribute
    {
        public enum DebuggingModes { None = 0x0, Default = 0x1, DisableOptimizations = 0x100, IgnoreSymbolStoreSequencePoints = 0x2, EnableEditAndContinue = 0x4 }
        public DebuggableAttribute(bool isJITTrackingEnabled, bool isJITOptimizerDisabled) { }
        public DebuggableAttribute(DebuggingModes modes) { }
    }
    public sealed class DebuggerHiddenAttribute : Attribute { public DebuggerHiddenAttribute() { } }
    public sealed class DebuggerStepThroughAttribute : Attribute { public DebuggerStepThroughAttribute() { } }
    public sealed class DebuggerNonUserCodeAttribute : Attribute { public DebuggerNonUserCodeAttribute() { } }
}

namespace System.Reflection
{
    public enum MemberTypes { Constructor = 0x01, Event = 0x02, Field = 0x04, Method = 0x08, Property = 0x10, TypeInfo = 0x20, Custom = 0x40, NestedType = 0x80, All = 0xBF }
    public abstract class MemberInfo
    {
        public abstract MemberTypes MemberType { get; }
        public abstract String Name { get; }
        public abstract Type DeclaringType { get; }
        public abstract object[] GetCustomAttributes(bool inherit);
    }
    public sealed class DefaultMemberAttribute : Attribute
    {
        public DefaultMemberAttribute(string memberName) { }
        public extern string MemberName { get; }
    }
    // Reflection/AssemblyAttributes.cs
    public sealed class AssemblyTitleAttribute : Attribute { public AssemblyTitleAttribute(String title) { } }
    public sealed class AssemblyDescriptionAttribute : Attribute { public AssemblyDescriptionAttribute(String description) { } }
    public sealed class AssemblyCompanyAttribute : Attribute { public AssemblyCompanyAttribute(String company) { } }
    public sealed class AssemblyProductAttribute : Attribute { public AssemblyProductAttribute(String product) { } }
    public sealed class AssemblyCopyrightAttribute : Attribute { public AssemblyCopyrightAttribute(String copyright) { } }
    public sealed class AssemblyVersionAttribute : Attribute { public AssemblyVersionAttribute(String version) { } }
    public sealed class AssemblyFileVersionAttribute : Attribute { public AssemblyFileVersionAttribute(String version) { } }
}

namespace System.Runtime.CompilerServices
{
    public static class RuntimeHelpers
    {
        public static extern void InitializeArray(Array array, RuntimeFieldHandle fldHandle);
        public static extern Object GetObjectValue(Object obj);
        public static extern void RunClassConstructor(RuntimeTypeHandle type);
        public static extern int OffsetToStringData { get; }
    }
    public sealed class ExtensionAttribute : Attribute { }
    public class CompilationRelaxationsAttribute : Attribute
    {
        public CompilationRelaxationsAttribute(int relaxations) { }
        public extern int CompilationRelaxations { get; }
    }
    public enum MethodImplOptions { Unmanaged = 0x0004, ForwardRef = 0x0010, PreserveSig = 0x0080, InternalCall = 0x1000, Synchronized = 0x0020, NoInlining = 0x0008 }
    public sealed class MethodImplAttribute : Attribute
    {
        public MethodImplAttribute(MethodImplOptions methodImplOptions) { }
        public MethodImplAttribute() { }
    }
    public sealed class CallerMemberNameAttribute : Attribute { public CallerMemberNameAttribute() { } }
    public static class IsExternalInit { }
}
