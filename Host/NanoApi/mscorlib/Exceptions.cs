// mscorlib surface — exceptions (CoreLibrary v1.17.11 System/<Name>.cs, IOException in System/IO/IOException.cs).
#pragma warning disable CS0626
namespace System
{
    public class Exception
    {
        public Exception() { }
        public Exception(String message) { }
        public Exception(String message, Exception innerException) { }
        public virtual extern String Message { get; }
        public extern Exception InnerException { get; }
        public virtual extern String StackTrace { get; }
        public override extern String ToString();
    }
    public class SystemException : Exception
    {
        public SystemException() { }
        public SystemException(String message) { }
        public SystemException(String message, Exception innerException) { }
    }
    public class ArgumentException : SystemException
    {
        public ArgumentException() { }
        public ArgumentException(string message) { }
        public ArgumentException(string message, Exception innerException) { }
        public ArgumentException(string message, string paramName) { }
        public ArgumentException(string message, string paramName, Exception innerException) { }
        public virtual extern string ParamName { get; }
    }
    public class ArgumentNullException : ArgumentException
    {
        public ArgumentNullException() { }
        public ArgumentNullException(string paramName) { }
        public ArgumentNullException(string paramName, string message) { }
    }
    public class ArgumentOutOfRangeException : ArgumentException
    {
        public ArgumentOutOfRangeException() { }
        public ArgumentOutOfRangeException(String paramName) { }
        public ArgumentOutOfRangeException(String paramName, String message) { }
    }
    public class IndexOutOfRangeException : SystemException
    {
        public IndexOutOfRangeException() { }
        public IndexOutOfRangeException(String message) { }
    }
    public class InvalidOperationException : SystemException
    {
        public InvalidOperationException() { }
        public InvalidOperationException(String message) { }
        public InvalidOperationException(String message, Exception innerException) { }
    }
    public class NotSupportedException : SystemException
    {
        public NotSupportedException() { }
        public NotSupportedException(String message) { }
        public NotSupportedException(String message, Exception innerException) { }
    }
    public class NotImplementedException : SystemException
    {
        public NotImplementedException() { }
        public NotImplementedException(String message) { }
    }
    public class NullReferenceException : SystemException
    {
        public NullReferenceException() { }
        public NullReferenceException(String message) { }
    }
    public class ObjectDisposedException : SystemException
    {
        public ObjectDisposedException() { }
        public ObjectDisposedException(String message) { }
    }
    public class TimeoutException : SystemException
    {
        public TimeoutException() { }
        public TimeoutException(String message) { }
    }
    public class FormatException : SystemException
    {
        public FormatException() { }
        public FormatException(String message) { }
    }
    public class InvalidCastException : SystemException
    {
        public InvalidCastException() { }
        public InvalidCastException(String message) { }
    }
}
namespace System.IO
{
    public class IOException : SystemException
    {
        public IOException() { }
        public IOException(String message) { }
        public IOException(String message, Exception innerException) { }
    }
}
