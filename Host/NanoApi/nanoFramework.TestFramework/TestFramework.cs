// Surface: nanoFramework.TestFramework 3.0.x (nanoframework/nanoFramework.TestFramework tag v3.0.77,
// source/TestFramework/Assert*.cs, CollectionAssert.cs, OutputHelper.cs, source/TestFrameworkShared/*.cs).
#pragma warning disable CS0626
using System;
using System.Collections;

namespace nanoFramework.TestFramework
{
    [AttributeUsage(AttributeTargets.Class)]
    public class TestClassAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Method)]
    public class TestMethodAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Method)]
    public class SetupAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Method)]
    public class CleanupAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class DataRowAttribute : Attribute
    {
        public extern DataRowAttribute(params object[] methodParameters);
        public extern object[] MethodParameters { get; }
    }

    public class AssertFailedException : Exception
    {
        public extern AssertFailedException();
        public extern AssertFailedException(string msg);
        public extern AssertFailedException(string msg, Exception ex);
    }
    public class SkipTestException : Exception
    {
        public extern SkipTestException(string message = null, Exception innerException = null);
    }

    public static class OutputHelper
    {
        public static extern void Write(string message);
        public static extern void WriteLine(string message);
    }

    public sealed partial class Assert
    {
        public static extern void AreEqual(bool expected, bool actual, string message = "");
        public static extern void AreEqual(byte expected, byte actual, string message = "");
        public static extern void AreEqual(char expected, char actual, string message = "");
        public static extern void AreEqual(DateTime expected, DateTime actual, string message = "");
        public static extern void AreEqual(double expected, double actual, string message = "");
        public static extern void AreEqual(float expected, float actual, string message = "");
        public static extern void AreEqual(int expected, int actual, string message = "");
        public static extern void AreEqual(long expected, long actual, string message = "");
        public static extern void AreEqual(object expected, object actual, string message = "");
        public static extern void AreEqual(sbyte expected, sbyte actual, string message = "");
        public static extern void AreEqual(short expected, short actual, string message = "");
        public static extern void AreEqual(string expected, string actual, string message = "");
        public static extern void AreEqual(uint expected, uint actual, string message = "");
        public static extern void AreEqual(ulong expected, ulong actual, string message = "");
        public static extern void AreEqual(ushort expected, ushort actual, string message = "");
        public static extern void AreNotEqual(bool notExpected, bool actual, string message = "");
        public static extern void AreNotEqual(byte notExpected, byte actual, string message = "");
        public static extern void AreNotEqual(char notExpected, char actual, string message = "");
        public static extern void AreNotEqual(DateTime notExpected, DateTime actual, string message = "");
        public static extern void AreNotEqual(double notExpected, double actual, string message = "");
        public static extern void AreNotEqual(float notExpected, float actual, string message = "");
        public static extern void AreNotEqual(int notExpected, int actual, string message = "");
        public static extern void AreNotEqual(long notExpected, long actual, string message = "");
        public static extern void AreNotEqual(object notExpected, object actual, string message = "");
        public static extern void AreNotEqual(sbyte notExpected, sbyte actual, string message = "");
        public static extern void AreNotEqual(short notExpected, short actual, string message = "");
        public static extern void AreNotEqual(string notExpected, string actual, string message = "");
        public static extern void AreNotEqual(uint notExpected, uint actual, string message = "");
        public static extern void AreNotEqual(ulong notExpected, ulong actual, string message = "");
        public static extern void AreNotEqual(ushort notExpected, ushort actual, string message = "");
        public static extern void AreSame(object expected, object actual, string message = "");
        public static extern void AreNotSame(object notExpected, object actual, string message = "");
        public static extern void Contains(string expected, string value, string message = "");
        public static extern void StartsWith(string expected, string value, string message = "");
        public static extern void EndsWith(string expected, string value, string message = "");
        public static extern void IsTrue(bool condition, string message = "");
        public static extern void IsFalse(bool condition, string message = "");
        public static extern void IsNull(object value, string message = "");
        public static extern void IsNotNull(object value, string message = "");
        public static extern void IsInstanceOfType(object value, Type expected, string message = "");
        public static extern void ThrowsException(Type exception, Action action, string message = "");
        public static extern void SkipTest(string message = null);
    }

    public sealed class CollectionAssert
    {
        public static extern void Empty(ICollection collection, string message = "");
        public static extern void NotEmpty(ICollection collection, string message = "");
        public static extern void AreEqual(ICollection expected, ICollection actual, string message = "");
        public static extern void AreNotEqual(ICollection notExpected, ICollection actual, string message = "");
    }
}
