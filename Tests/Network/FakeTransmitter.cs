using System.Collections;
using LoRaWan.Simulation;

namespace LoRaWan.Tests.Network
{
    /// <summary>One frame handed to the <see cref="FakeTransmitter"/>.</summary>
    public sealed class TransmittedFrame
    {
        public ulong StartUs;
        public uint FrequencyHz;
        public int SpreadingFactor;
        public int BandwidthHz;
        public byte[] Bytes;
    }

    /// <summary>A gateway that records what it is asked to send and can refuse the next N requests.</summary>
    public sealed class FakeTransmitter : IDownlinkTransmitter
    {
        readonly ArrayList _frames = new ArrayList();

        /// <summary>Refuse this many coming requests (then accept).</summary>
        public int RefuseNext;

        /// <summary>Every call, refused or not.</summary>
        public int Calls;

        /// <summary>Accepted frames.</summary>
        public int Count
        {
            get { return _frames.Count; }
        }

        public TransmittedFrame this[int index]
        {
            get { return (TransmittedFrame)_frames[index]; }
        }

        public TransmittedFrame Last
        {
            get { return _frames.Count == 0 ? null : (TransmittedFrame)_frames[_frames.Count - 1]; }
        }

        public bool Transmit(ulong startUs, uint frequencyHz, int spreadingFactor, int bandwidthHz, byte[] buffer, int offset, int length)
        {
            Calls++;
            if (RefuseNext > 0)
            {
                RefuseNext--;
                return false;
            }
            var f = new TransmittedFrame();
            f.StartUs = startUs;
            f.FrequencyHz = frequencyHz;
            f.SpreadingFactor = spreadingFactor;
            f.BandwidthHz = bandwidthHz;
            f.Bytes = new byte[length];
            for (int i = 0; i < length; i++) f.Bytes[i] = buffer[offset + i];
            _frames.Add(f);
            return true;
        }
    }
}
