using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Marks a class holding tests. The runner never constructs it: keep no instance state.</summary>
    [AttributeUsage(AttributeTargets.Class)]
    public class TestClassAttribute : Attribute { }

    /// <summary>Marks a test method.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public class TestMethodAttribute : Attribute { }

    /// <summary>Runs once per test class, before its tests.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public class SetupAttribute : Attribute { }

    /// <summary>Runs once per test class, after its tests.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public class CleanupAttribute : Attribute { }

    /// <summary>Runs the method once with these arguments.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class DataRowAttribute : Attribute
    {
        public DataRowAttribute(params object[] methodParameters)
        {
            if (methodParameters == null) throw new ArgumentNullException(nameof(methodParameters));
            if (methodParameters.Length == 0) throw new ArgumentException("methodParameters can not be empty");
            MethodParameters = methodParameters;
        }

        public object[] MethodParameters { get; }
    }

    /// <summary>Thrown by a failed assertion.</summary>
    public class AssertFailedException : Exception
    {
        public AssertFailedException() { }
        public AssertFailedException(string msg) : base(msg) { }
        public AssertFailedException(string msg, Exception ex) : base(msg, ex) { }
    }

    /// <summary>Thrown by <see cref="Assert.SkipTest"/>.</summary>
    public class SkipTestException : Exception
    {
        public SkipTestException(string message = null, Exception innerException = null) : base(message, innerException) { }
    }

    /// <summary>Test output.</summary>
    public static class OutputHelper
    {
        public static void Write(string message) => Console.Write(message);
        public static void WriteLine(string message) => Console.WriteLine(message);
    }
}
