using System;
using System.Collections;

namespace nanoFramework.TestFramework
{
    /// <summary>Assertions with the overloads of nanoFramework.TestFramework 3.x (typed, no generics).</summary>
    public sealed partial class Assert
    {
        public static void AreEqual(bool expected, bool actual, string message = "") { if (!Equals(expected, actual)) Fail("AreEqual", $"Expected:<{Show(expected)}>. Actual:<{Show(actual)}>.", message); }
        public static void AreEqual(byte expected, byte actual, string message = "") { if (!Equals(expected, actual)) Fail("AreEqual", $"Expected:<{Show(expected)}>. Actual:<{Show(actual)}>.", message); }
        public static void AreEqual(char expected, char actual, string message = "") { if (!Equals(expected, actual)) Fail("AreEqual", $"Expected:<{Show(expected)}>. Actual:<{Show(actual)}>.", message); }
        public static void AreEqual(DateTime expected, DateTime actual, string message = "") { if (!Equals(expected, actual)) Fail("AreEqual", $"Expected:<{Show(expected)}>. Actual:<{Show(actual)}>.", message); }
        public static void AreEqual(double expected, double actual, string message = "") { if (!Equals(expected, actual)) Fail("AreEqual", $"Expected:<{Show(expected)}>. Actual:<{Show(actual)}>.", message); }
        public static void AreEqual(float expected, float actual, string message = "") { if (!Equals(expected, actual)) Fail("AreEqual", $"Expected:<{Show(expected)}>. Actual:<{Show(actual)}>.", message); }
        public static void AreEqual(int expected, int actual, string message = "") { if (!Equals(expected, actual)) Fail("AreEqual", $"Expected:<{Show(expected)}>. Actual:<{Show(actual)}>.", message); }
        public static void AreEqual(long expected, long actual, string message = "") { if (!Equals(expected, actual)) Fail("AreEqual", $"Expected:<{Show(expected)}>. Actual:<{Show(actual)}>.", message); }
        public static void AreEqual(object expected, object actual, string message = "") { if (!Equals(expected, actual)) Fail("AreEqual", $"Expected:<{Show(expected)}>. Actual:<{Show(actual)}>.", message); }
        public static void AreEqual(sbyte expected, sbyte actual, string message = "") { if (!Equals(expected, actual)) Fail("AreEqual", $"Expected:<{Show(expected)}>. Actual:<{Show(actual)}>.", message); }
        public static void AreEqual(short expected, short actual, string message = "") { if (!Equals(expected, actual)) Fail("AreEqual", $"Expected:<{Show(expected)}>. Actual:<{Show(actual)}>.", message); }
        public static void AreEqual(string expected, string actual, string message = "") { if (!Equals(expected, actual)) Fail("AreEqual", $"Expected:<{Show(expected)}>. Actual:<{Show(actual)}>.", message); }
        public static void AreEqual(uint expected, uint actual, string message = "") { if (!Equals(expected, actual)) Fail("AreEqual", $"Expected:<{Show(expected)}>. Actual:<{Show(actual)}>.", message); }
        public static void AreEqual(ulong expected, ulong actual, string message = "") { if (!Equals(expected, actual)) Fail("AreEqual", $"Expected:<{Show(expected)}>. Actual:<{Show(actual)}>.", message); }
        public static void AreEqual(ushort expected, ushort actual, string message = "") { if (!Equals(expected, actual)) Fail("AreEqual", $"Expected:<{Show(expected)}>. Actual:<{Show(actual)}>.", message); }
        public static void AreNotEqual(bool notExpected, bool actual, string message = "") { if (Equals(notExpected, actual)) Fail("AreNotEqual", $"Expected any value except:<{Show(notExpected)}>. Actual:<{Show(actual)}>.", message); }
        public static void AreNotEqual(byte notExpected, byte actual, string message = "") { if (Equals(notExpected, actual)) Fail("AreNotEqual", $"Expected any value except:<{Show(notExpected)}>. Actual:<{Show(actual)}>.", message); }
        public static void AreNotEqual(char notExpected, char actual, string message = "") { if (Equals(notExpected, actual)) Fail("AreNotEqual", $"Expected any value except:<{Show(notExpected)}>. Actual:<{Show(actual)}>.", message); }
        public static void AreNotEqual(DateTime notExpected, DateTime actual, string message = "") { if (Equals(notExpected, actual)) Fail("AreNotEqual", $"Expected any value except:<{Show(notExpected)}>. Actual:<{Show(actual)}>.", message); }
        public static void AreNotEqual(double notExpected, double actual, string message = "") { if (Equals(notExpected, actual)) Fail("AreNotEqual", $"Expected any value except:<{Show(notExpected)}>. Actual:<{Show(actual)}>.", message); }
        public static void AreNotEqual(float notExpected, float actual, string message = "") { if (Equals(notExpected, actual)) Fail("AreNotEqual", $"Expected any value except:<{Show(notExpected)}>. Actual:<{Show(actual)}>.", message); }
        public static void AreNotEqual(int notExpected, int actual, string message = "") { if (Equals(notExpected, actual)) Fail("AreNotEqual", $"Expected any value except:<{Show(notExpected)}>. Actual:<{Show(actual)}>.", message); }
        public static void AreNotEqual(long notExpected, long actual, string message = "") { if (Equals(notExpected, actual)) Fail("AreNotEqual", $"Expected any value except:<{Show(notExpected)}>. Actual:<{Show(actual)}>.", message); }
        public static void AreNotEqual(object notExpected, object actual, string message = "") { if (Equals(notExpected, actual)) Fail("AreNotEqual", $"Expected any value except:<{Show(notExpected)}>. Actual:<{Show(actual)}>.", message); }
        public static void AreNotEqual(sbyte notExpected, sbyte actual, string message = "") { if (Equals(notExpected, actual)) Fail("AreNotEqual", $"Expected any value except:<{Show(notExpected)}>. Actual:<{Show(actual)}>.", message); }
        public static void AreNotEqual(short notExpected, short actual, string message = "") { if (Equals(notExpected, actual)) Fail("AreNotEqual", $"Expected any value except:<{Show(notExpected)}>. Actual:<{Show(actual)}>.", message); }
        public static void AreNotEqual(string notExpected, string actual, string message = "") { if (Equals(notExpected, actual)) Fail("AreNotEqual", $"Expected any value except:<{Show(notExpected)}>. Actual:<{Show(actual)}>.", message); }
        public static void AreNotEqual(uint notExpected, uint actual, string message = "") { if (Equals(notExpected, actual)) Fail("AreNotEqual", $"Expected any value except:<{Show(notExpected)}>. Actual:<{Show(actual)}>.", message); }
        public static void AreNotEqual(ulong notExpected, ulong actual, string message = "") { if (Equals(notExpected, actual)) Fail("AreNotEqual", $"Expected any value except:<{Show(notExpected)}>. Actual:<{Show(actual)}>.", message); }
        public static void AreNotEqual(ushort notExpected, ushort actual, string message = "") { if (Equals(notExpected, actual)) Fail("AreNotEqual", $"Expected any value except:<{Show(notExpected)}>. Actual:<{Show(actual)}>.", message); }

        public static void AreSame(object expected, object actual, string message = "") { if (!ReferenceEquals(expected, actual)) Fail("AreSame", "References differ.", message); }
        public static void AreNotSame(object notExpected, object actual, string message = "") { if (ReferenceEquals(notExpected, actual)) Fail("AreNotSame", "Same reference.", message); }
        public static void Contains(string expected, string value, string message = "") { NotNull(value, "Contains"); if (!value.Contains(expected)) Fail("Contains", $"<{value}> does not contain <{expected}>.", message); }
        public static void StartsWith(string expected, string value, string message = "") { NotNull(value, "StartsWith"); if (!value.StartsWith(expected, StringComparison.Ordinal)) Fail("StartsWith", $"<{value}> does not start with <{expected}>.", message); }
        public static void EndsWith(string expected, string value, string message = "") { NotNull(value, "EndsWith"); if (!value.EndsWith(expected, StringComparison.Ordinal)) Fail("EndsWith", $"<{value}> does not end with <{expected}>.", message); }
        public static void IsTrue(bool condition, string message = "") { if (!condition) Fail("IsTrue", "", message); }
        public static void IsFalse(bool condition, string message = "") { if (condition) Fail("IsFalse", "", message); }
        public static void IsNull(object value, string message = "") { if (value != null) Fail("IsNull", $"Actual:<{Show(value)}>.", message); }
        public static void IsNotNull(object value, string message = "") { if (value == null) Fail("IsNotNull", "", message); }
        public static void IsInstanceOfType(object value, Type expected, string message = "")
        {
            if (value == null || !expected.IsInstanceOfType(value)) Fail("IsInstanceOfType", $"Expected type:<{expected}>. Actual:<{value?.GetType()}>.", message);
        }
        public static void ThrowsException(Type exception, Action action, string message = "")
        {
            try { action(); }
            catch (Exception e)
            {
                if (e.GetType() != exception) Fail("ThrowsException", $"Expected:<{exception}>. Actual:<{e.GetType()}: {e.Message}>.", message);
                return;
            }
            Fail("ThrowsException", $"Expected:<{exception}>. Nothing was thrown.", message);
        }
        public static void SkipTest(string message = null) => throw new SkipTestException(message);

        static void NotNull(object value, string what) { if (value == null) Fail(what, "value is null.", ""); }

        internal static string Show(object o) => o switch
        {
            null => "(null)",
            string s => s,
            byte[] b => Convert.ToHexString(b),
            _ => o.ToString(),
        };

        internal static void Fail(string assertion, string detail, string message)
        {
            string text = $"Assert.{assertion} failed. {detail}";
            if (!string.IsNullOrEmpty(message)) text += " " + message;
            throw new AssertFailedException(text.TrimEnd());
        }
    }

    /// <summary>Assertions on collections (element-wise with object.Equals), as in nanoFramework.TestFramework.</summary>
    public sealed class CollectionAssert
    {
        public static void Empty(ICollection collection, string message = "") { if (collection == null || collection.Count != 0) Assert.Fail("CollectionAssert.Empty", "", message); }
        public static void NotEmpty(ICollection collection, string message = "") { if (collection == null || collection.Count == 0) Assert.Fail("CollectionAssert.NotEmpty", "", message); }
        public static void AreEqual(ICollection expected, ICollection actual, string message = "")
        {
            if (!Same(expected, actual, out string why)) Assert.Fail("CollectionAssert.AreEqual", why + " Expected:<" + Render(expected) + ">. Actual:<" + Render(actual) + ">.", message);
        }
        public static void AreNotEqual(ICollection notExpected, ICollection actual, string message = "")
        {
            if (Same(notExpected, actual, out _)) Assert.Fail("CollectionAssert.AreNotEqual", "The collections are equal.", message);
        }
        static bool Same(ICollection a, ICollection b, out string why)
        {
            why = "";
            if (ReferenceEquals(a, b)) return true;
            if (a == null || b == null) { why = "One collection is null."; return false; }
            if (a.Count != b.Count) { why = $"Different counts {a.Count} and {b.Count}."; return false; }
            var ea = a.GetEnumerator(); var eb = b.GetEnumerator(); int i = 0;
            while (ea.MoveNext() && eb.MoveNext())
            {
                if (!Equals(ea.Current, eb.Current)) { why = $"Element {i} differs: <{ea.Current}> vs <{eb.Current}>."; return false; }
                i++;
            }
            return true;
        }
        static string Render(ICollection c)
        {
            if (c == null) return "(null)";
            if (c is byte[] b) return Convert.ToHexString(b);
            var parts = new System.Collections.Generic.List<string>();
            foreach (var o in c) parts.Add(o?.ToString() ?? "(null)");
            return string.Join(",", parts);
        }
    }
}
