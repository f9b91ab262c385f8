// Surface: nanoFramework.Runtime.Native 1.7.11 (nanoframework/nanoFramework.Runtime.Native tag v1.7.11,
// nanoFramework.Runtime.Native/GC.cs).
#pragma warning disable CS0626
namespace nanoFramework.Runtime.Native
{
    public static class GC
    {
        public static extern uint Run(bool compactHeap);
    }
}
