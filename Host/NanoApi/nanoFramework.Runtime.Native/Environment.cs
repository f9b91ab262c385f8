// Surface: nanoFramework.Runtime.Native 1.7.11 (nanoframework/nanoFramework.Runtime.Native tag v1.7.11,
// nanoFramework.Runtime.Native/System/Environment.cs).
#pragma warning disable CS0626
namespace System
{
    public static partial class Environment
    {
        public static extern long TickCount64 { get; }
    }
}
