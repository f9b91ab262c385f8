// nanoFramework API surface: mscorlib (package nanoFramework.CoreLibrary 1.17.11).
// Declarations only. Every member below was checked against nanoframework/CoreLibrary tag v1.17.11,
// file nanoFramework.CoreLibrary/System/<Type>.cs unless a comment names another file.
// Only what the device code needs is declared; add a member only after confirming it there.
#pragma warning disable CS0626, CS0660, CS0661, CS0649, CS0169, CS8618
namespace System
{
    public class Object
    {
        public Object() { }
        public virtual extern String ToString();
        public virtual extern bool Equals(Object obj);
        public static extern bool Equals(Object objA, Object objB);
        public static extern bool ReferenceEquals(Object objA, Object objB);
        public virtual extern int GetHashCode();
        public extern Type GetType();
        protected extern Object MemberwiseClone();
    }

    public abstract class ValueType
    {
        public override extern bool Equals(Object obj);
    }

    public abstract class Enum : ValueType
    {
        public extern bool HasFlag(Enum flag);
        public override extern String ToString();
    }

    public struct Void { }
    public struct Boolean { private bool m_value; public override extern String ToString(); }
    public struct Char
    {
        private char m_value;
        public const char MaxValue = (char)0xFFFF;
        public const char MinValue = (char)0x00;
        public override extern String ToString();
        public extern char ToLower();
        public extern char ToUpper();
    }
    public struct SByte
    {
        private sbyte m_value;
        public const sbyte MaxValue = 0x7F;
        public const sbyte MinValue = unchecked((sbyte)0x80);
        public override extern String ToString();
        public extern String ToString(String format);
    }
    public struct Byte
    {
        private byte m_value;
        public const byte MaxValue = 0xFF;
        public const byte MinValue = 0;
        public override extern String ToString();
        public extern String ToString(String format);
        public static extern byte Parse(string s);
        public static extern bool TryParse(string s, out byte result);
    }
    public struct Int16
    {
        private short m_value;
        public const short MaxValue = 0x7FFF;
        public const short MinValue = unchecked((short)0x8000);
        public override extern String ToString();
        public extern String ToString(String format);
    }
    public struct UInt16
    {
        private ushort m_value;
        public const ushort MaxValue = 0xFFFF;
        public const ushort MinValue = 0;
        public override extern String ToString();
        public extern String ToString(String format);
        public static extern ushort Parse(string s);
    }
    public struct Int32
    {
        private int m_value;
        public const int MaxValue = 0x7fffffff;
        public const int MinValue = unchecked((int)0x80000000);
        public override extern String ToString();
        public extern String ToString(String format);
        public static extern int Parse(string s);
        public static extern bool TryParse(string s, out int result);
    }
    public struct UInt32
    {
        private uint m_value;
        public const uint MaxValue = 0xffffffff;
        public const uint MinValue = 0U;
        public override extern String ToString();
        public extern String ToString(String format);
        public static extern uint Parse(string s);
        public static extern bool TryParse(string s, out uint result);
    }
    public struct Int64
    {
        private long m_value;
        public const long MaxValue = 0x7fffffffffffffffL;
        public const long MinValue = unchecked((long)0x8000000000000000L);
        public override extern String ToString();
        public extern String ToString(String format);
        public static extern long Parse(string s);
        public static extern bool TryParse(string s, out long result);
    }
    public struct UInt64
    {
        private ulong m_value;
        public const ulong MaxValue = 0xffffffffffffffffL;
        public const ulong MinValue = 0x0;
        public override extern String ToString();
        public extern String ToString(String format);
        public static extern ulong Parse(string s);
        public static extern bool TryParse(string s, out ulong result);
    }
    public struct Single
    {
        private float m_value;
        public override extern String ToString();
        public extern String ToString(String format);
    }
    public struct Double
    {
        private double m_value;
        public override extern String ToString();
        public extern String ToString(String format);
        public static extern double Parse(String s);
    }
    public struct IntPtr { private int m_value; }
    public struct UIntPtr { private uint m_value; }
    public struct RuntimeTypeHandle { }
    public struct RuntimeFieldHandle { }
    public struct RuntimeMethodHandle { }
    public struct RuntimeArgumentHandle { }
    public struct TypedReference { }

    public abstract class Type : System.Reflection.MemberInfo
    {
        public static extern Type GetTypeFromHandle(RuntimeTypeHandle handle);
        public abstract String FullName { get; }
        public extern bool IsInstanceOfType(Object o);
        public override extern String ToString();
    }

    public abstract class Array : System.Collections.IList
    {
        public static extern void Copy(Array sourceArray, Array destinationArray, int length);
        public static extern void Copy(Array sourceArray, int sourceIndex, Array destinationArray, int destinationIndex, int length);
        public static extern void Clear(Array array, int index, int length);
        public extern int Length { get; }
        public extern Object GetValue(int index);
        public extern Object Clone();
        public extern void CopyTo(Array array, int index);
        public extern System.Collections.IEnumerator GetEnumerator();
        public static extern int IndexOf(Array array, Object value);
        extern int System.Collections.ICollection.Count { get; }
        extern Object System.Collections.IList.this[int index] { get; set; }
        extern int System.Collections.IList.Add(Object value);
        extern bool System.Collections.IList.Contains(Object value);
        extern void System.Collections.IList.Clear();
        extern int System.Collections.IList.IndexOf(Object value);
        extern void System.Collections.IList.Insert(int index, Object value);
        extern void System.Collections.IList.Remove(Object value);
        extern void System.Collections.IList.RemoveAt(int index);
        public extern bool IsReadOnly { get; }
        public extern bool IsFixedSize { get; }
        public extern bool IsSynchronized { get; }
        public extern Object SyncRoot { get; }
    }

    public abstract class Delegate
    {
        public override extern bool Equals(Object obj);
        public static extern Delegate Combine(Delegate a, Delegate b);
        public static extern Delegate Remove(Delegate source, Delegate value);
        public extern Object Target { get; }
        public static extern bool operator ==(Delegate d1, Delegate d2);
        public static extern bool operator !=(Delegate d1, Delegate d2);
    }

    public abstract class MulticastDelegate : Delegate
    {
        public static extern bool operator ==(MulticastDelegate d1, MulticastDelegate d2);
        public static extern bool operator !=(MulticastDelegate d1, MulticastDelegate d2);
        public override extern bool Equals(object obj);
    }

    // Action.cs declares Action and generic Action<T>/Func<>; only the non-generic one runs on nanoCLR 1.x.
    public delegate void Action();
    public delegate void EventHandler(object sender, EventArgs e);
    public delegate void AsyncCallback(IAsyncResult ar);
    public interface IAsyncResult { }

    public class EventArgs
    {
        public static readonly EventArgs Empty;
        public EventArgs() { }
    }

    public interface IDisposable { void Dispose(); }
    public interface ICloneable { Object Clone(); }
    public interface IComparable { int CompareTo(Object obj); }
    public interface IFormatProvider { }

    public abstract class Attribute { protected Attribute() { } }

    [Flags]
    public enum AttributeTargets
    {
        Assembly = 0x0001, Module = 0x0002, Class = 0x0004, Struct = 0x0008, Enum = 0x0010,
        Constructor = 0x0020, Method = 0x0040, Property = 0x0080, Field = 0x0100, Event = 0x0200,
        Interface = 0x0400, Parameter = 0x0800, Delegate = 0x1000, ReturnValue = 0x2000,
        GenericParameter = 0x4000, All = 0x7FFF,
    }

    public sealed class AttributeUsageAttribute : Attribute
    {
        public AttributeUsageAttribute(AttributeTargets validOn) { }
        public extern AttributeTargets ValidOn { get; }
        public extern bool AllowMultiple { get; set; }
        public extern bool Inherited { get; set; }
    }

    public sealed class ParamArrayAttribute : Attribute { public ParamArrayAttribute() { } }
    public class FlagsAttribute : Attribute { }
    public sealed class ObsoleteAttribute : Attribute
    {
        public ObsoleteAttribute() { }
        public ObsoleteAttribute(String message) { }
        public ObsoleteAttribute(String message, bool error) { }
    }
    public sealed class CLSCompliantAttribute : Attribute { public CLSCompliantAttribute(bool isCompliant) { } }
    public sealed class SerializableAttribute : Attribute { }
    public sealed class NonSerializedAttribute : Attribute { }
    public class MarshalByRefObject { }
}
