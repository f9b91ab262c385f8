// mscorlib surface — System.String (CoreLibrary v1.17.11 System/String.cs).
#pragma warning disable CS0626, CS0660, CS0661
namespace System
{
    public sealed class String : IComparable, System.Collections.IEnumerable
    {
        public static readonly String Empty;
        public extern System.Collections.IEnumerator GetEnumerator();
        public override extern bool Equals(object obj);
        public static extern bool Equals(String a, String b);
        public static extern bool operator ==(String a, String b);
        public static extern bool operator !=(String a, String b);
        public extern char this[int index] { get; }
        public extern char[] ToCharArray();
        public extern char[] ToCharArray(int startIndex, int length);
        public extern int Length { get; }
        public extern String[] Split(params char[] separator);
        public extern String[] Split(char[] separator, int count);
        public extern String Substring(int startIndex);
        public extern String Substring(int startIndex, int length);
        public extern String Trim(params char[] trimChars);
        public extern String TrimStart(params char[] trimChars);
        public extern String TrimEnd(params char[] trimChars);
        public extern String(char[] value, int startIndex, int length);
        public extern String(char[] value);
        public extern String(char c, int count);
        public static extern int Compare(String strA, String strB);
        public extern int CompareTo(Object value);
        public extern int CompareTo(String strB);
        public extern int IndexOf(char value);
        public extern int IndexOf(char value, int startIndex);
        public extern int IndexOf(String value);
        public extern int IndexOf(String value, int startIndex);
        public extern int LastIndexOf(char value);
        public extern String ToLower();
        public extern String ToUpper();
        public override extern String ToString();
        public extern String Trim();
        public static extern String Concat(Object arg0);
        public static extern String Concat(Object arg0, Object arg1);
        public static extern String Concat(Object arg0, Object arg1, Object arg2);
        public static extern String Concat(params Object[] args);
        public static extern String Concat(String str0, String str1);
        public static extern String Concat(String str0, String str1, String str2);
        public static extern String Concat(String str0, String str1, String str2, String str3);
        public static extern String Concat(params String[] values);
        public static extern string Format(string format, params object[] args);
        public extern String PadLeft(int totalWidth, char paddingChar = ' ');
        public extern String PadRight(int totalWidth, char paddingChar = ' ');
        public static extern bool IsNullOrEmpty(string value);
        public extern bool Contains(string value);
        public extern bool StartsWith(string value);
        public extern bool EndsWith(string value);
        public override extern int GetHashCode();
    }
}
