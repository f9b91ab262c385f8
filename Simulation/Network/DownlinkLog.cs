using System.Collections;

namespace LoRaWan.Simulation
{
    /// <summary>An append-only list of <see cref="DownlinkRecord"/>s, oldest first.</summary>
    public sealed class DownlinkLog
    {
        readonly ArrayList _items = new ArrayList();

        /// <summary>Number of records.</summary>
        public int Count
        {
            get { return _items.Count; }
        }

        /// <summary>Record <paramref name="index"/> (0 = oldest).</summary>
        public DownlinkRecord this[int index]
        {
            get { return (DownlinkRecord)_items[index]; }
        }

        /// <summary>The newest record, or null.</summary>
        public DownlinkRecord Last
        {
            get { return _items.Count == 0 ? null : (DownlinkRecord)_items[_items.Count - 1]; }
        }

        /// <summary>Forgets every record.</summary>
        public void Clear()
        {
            _items.Clear();
        }

        internal void Add(DownlinkRecord record)
        {
            _items.Add(record);
        }
    }
}
