// Surface: System.IO.FileSystem 1.1.93 (nanoframework/System.IO.FileSystem tag v1.1.93,
// System.IO.FileSystem/File.cs).
#pragma warning disable CS0626
namespace System.IO
{
    public static class File
    {
        public static extern void Delete(string path);
        public static extern bool Exists(string path);
        public static extern void Move(string sourceFileName, string destFileName);
        public static extern byte[] ReadAllBytes(string path);
        public static extern void WriteAllBytes(string path, byte[] bytes);
    }
}
