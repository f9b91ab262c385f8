// Surface: nanoFramework.Runtime.Events 1.11.x (nanoframework/nanoFramework.Runtime.Events tag v1.11.37,
// nanoFramework.Runtime.Events/BaseEvent.cs). Base class of GPIO's PinValueChangedEventArgs.
namespace nanoFramework.Runtime.Events
{
    public class BaseEvent
    {
        public ushort Source;
        public byte Message;
    }
}
