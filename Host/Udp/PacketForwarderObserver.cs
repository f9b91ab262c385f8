using LoRaWan.Simulation;

namespace LoRaWan.Udp
{
    /// <summary>
    /// Told of every exchange of the virtual gateway with the server (for a timeline). All calls come on the
    /// simulation thread; times are virtual µs. Override what you need.
    /// </summary>
    public abstract class PacketForwarderObserver
    {
        /// <summary>A PUSH_DATA went out with an rxpk (<paramref name="rx"/>) and/or a stat (<paramref name="status"/>).</summary>
        public virtual void PushDataSent(ulong nowUs, ushort token, RxPacket rx, GatewayStatus status) { }

        /// <summary>The PUSH_ACK for <paramref name="token"/> arrived after <paramref name="roundTripMs"/>.</summary>
        public virtual void PushAckReceived(ulong nowUs, ushort token, double roundTripMs) { }

        /// <summary>A PULL_DATA keep-alive went out.</summary>
        public virtual void PullDataSent(ulong nowUs, ushort token) { }

        /// <summary>The PULL_ACK for <paramref name="token"/> arrived; <paramref name="first"/> for the first one (or the first after silence).</summary>
        public virtual void PullAckReceived(ulong nowUs, ushort token, double roundTripMs, bool first) { }

        /// <summary>
        /// A well-formed PULL_RESP was answered with TX_ACK <paramref name="result"/>; <paramref name="startUs"/> is the virtual
        /// time its tmst stands for (meaningful unless GPS-timed), <paramref name="leadUs"/> how far ahead of now that is.
        /// </summary>
        public virtual void PullRespHandled(ulong nowUs, ushort token, TxPacket tx, ulong startUs, long leadUs, TxAckError result) { }

        /// <summary>A datagram from the server was dropped.</summary>
        public virtual void DatagramDropped(ulong nowUs, DatagramProblem problem, string reason) { }

        /// <summary><paramref name="unansweredPulls"/> PULL_DATA in a row got no PULL_ACK.</summary>
        public virtual void ServerSilent(ulong nowUs, int unansweredPulls) { }

        /// <summary>A downlink this gateway scheduled started on the air; <paramref name="wallErrorUs"/> is wall clock − virtual time (0 without a pacer).</summary>
        public virtual void DownlinkOnAir(ulong nowUs, AirFrame frame, long wallErrorUs) { }
    }
}
