using LoRaWan.Frames;
using LoRaWan.Radio;

namespace LoRaWan.Mac
{
    /// <summary>
    /// The pair of Class A receive windows that follow an uplink (LoRaWAN 1.0.4 §3.3): their parameters, bound when the
    /// uplink is transmitted from the channel and data rate actually used, the TxDone stamp both are timed from, the
    /// window now open, and the buffers a downlink is received and parsed into. One instance per MAC, reused.
    /// </summary>
    internal sealed class ReceiveWindows
    {
        internal readonly byte[] Frame = new byte[Transmission.MaxPhyPayload];
        internal readonly RxPacketInfo Info = new RxPacketInfo();
        internal readonly DataFrame Header = new DataFrame();
        internal readonly Downlink Downlink = new Downlink();
        /// <summary>TxDone of the uplink the windows follow, µs.</summary>
        internal ulong TxDoneUs;
        /// <summary>RECEIVE_DELAY1 (JOIN_ACCEPT_DELAY1 after a JoinRequest), µs; RX2 opens one second later.</summary>
        internal ulong Rx1DelayUs;
        internal uint Rx1FrequencyHz;
        internal int Rx1DataRate;
        internal uint Rx2FrequencyHz;
        internal int Rx2DataRate;
        /// <summary>The window open or last opened: 1 or 2.</summary>
        internal int Current;
        /// <summary>The rows of the RX1 and RX2 data rates (window symbol, largest frame's air time), each with its window's settings.</summary>
        internal readonly DataRateRow Rx1Row = new DataRateRow(new RxConfig());
        internal readonly DataRateRow Rx2Row = new DataRateRow(new RxConfig());

        /// <summary>The receive settings of the window open or last opened (<see cref="Current"/>).</summary>
        internal RxConfig Config
        {
            get { return Current == 1 ? Rx1Row.Window : Rx2Row.Window; }
        }
    }
}
