using System.Collections;

namespace LoRaWan.Simulation
{
    /// <summary>An append-only list of <see cref="UplinkRecord"/>s, oldest first.</summary>
    public sealed class UplinkLog
    {
        readonly ArrayList _items = new ArrayList();

        /// <summary>Number of records.</summary>
        public int Count
        {
            get { return _items.Count; }
        }

        /// <summary>Record <paramref name="index"/> (0 = oldest).</summary>
        public UplinkRecord this[int index]
        {
            get { return (UplinkRecord)_items[index]; }
        }

        /// <summary>The newest record, or null.</summary>
        public UplinkRecord Last
        {
            get { return _items.Count == 0 ? null : (UplinkRecord)_items[_items.Count - 1]; }
        }

        /// <summary>Forgets every record.</summary>
        public void Clear()
        {
            _items.Clear();
        }

        internal void Add(UplinkRecord record)
        {
            _items.Add(record);
        }
    }
}
