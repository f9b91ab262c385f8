using System;

namespace LoRaWan.Udp
{
    /// <summary>What the virtual gateway did, for the summary and for tests. Updated on the simulation thread only.</summary>
    public sealed class ForwarderCounters
    {
        readonly int[] _txAcks = new int[(int)TxAckError.GpsUnlocked + 1];
        readonly int[] _dropped = new int[(int)DatagramProblem.Unsupported + 1];

        /// <summary>rxnb: uplinks the radio received.</summary>
        public int UplinksReceived;
        /// <summary>rxfw: uplinks forwarded in a PUSH_DATA.</summary>
        public int UplinksForwarded;
        /// <summary>PUSH_DATA datagrams sent (rxpk and stat).</summary>
        public int PushDataSent;
        /// <summary>PUSH_ACKs that matched a PUSH_DATA.</summary>
        public int PushAcks;
        /// <summary>stat reports sent.</summary>
        public int StatsSent;
        /// <summary>PULL_DATA keep-alives sent.</summary>
        public int PullDataSent;
        /// <summary>PULL_ACKs that matched a PULL_DATA.</summary>
        public int PullAcks;
        /// <summary>dwnb: PULL_RESP datagrams received (well-formed or not).</summary>
        public int PullResps;
        /// <summary>txnb: downlinks that went on the air.</summary>
        public int DownlinksEmitted;

        /// <summary>Round trip PUSH_DATA → PUSH_ACK (ms): minimum, maximum, sum (for the mean).</summary>
        public double PushRttMinMs = double.MaxValue, PushRttMaxMs, PushRttSumMs;
        /// <summary>Round trip PULL_DATA → PULL_ACK (ms).</summary>
        public double PullRttMinMs = double.MaxValue, PullRttMaxMs, PullRttSumMs;

        /// <summary>Smallest time between handling an accepted PULL_RESP and its tmst (µs): how early the server sent it.</summary>
        public long MinDownlinkLeadUs = long.MaxValue;
        /// <summary>Largest wait between a PULL_RESP's arrival on the socket and its handling on the simulation thread (µs).</summary>
        public long MaxInjectionLatencyUs;
        /// <summary>Largest |wall clock − virtual time| when a downlink started on the air (µs), in real-time mode.</summary>
        public long MaxOnAirWallErrorUs;

        /// <summary>TX_ACKs sent with <paramref name="error"/>.</summary>
        public int TxAcks(TxAckError error) => _txAcks[(int)error];

        /// <summary>Datagrams dropped for <paramref name="problem"/>.</summary>
        public int Dropped(DatagramProblem problem) => _dropped[(int)problem];

        /// <summary>Every datagram dropped.</summary>
        public int DroppedTotal
        {
            get { int n = 0; foreach (int v in _dropped) n += v; return n; }
        }

        /// <summary>Every TX_ACK with an error other than NONE.</summary>
        public int TxAckErrorsTotal
        {
            get { int n = 0; for (int i = 1; i < _txAcks.Length; i++) n += _txAcks[i]; return n; }
        }

        internal void CountTxAck(TxAckError error) => _txAcks[(int)error]++;

        internal void CountDropped(DatagramProblem problem) => _dropped[(int)problem]++;

        internal void PushRtt(double ms)
        {
            PushRttMinMs = Math.Min(PushRttMinMs, ms);
            PushRttMaxMs = Math.Max(PushRttMaxMs, ms);
            PushRttSumMs += ms;
        }

        internal void PullRtt(double ms)
        {
            PullRttMinMs = Math.Min(PullRttMinMs, ms);
            PullRttMaxMs = Math.Max(PullRttMaxMs, ms);
            PullRttSumMs += ms;
        }
    }
}
