namespace LoRaWan.Simulation
{
    /// <summary>What the network server has seen and done since it was created (or <see cref="Reset"/>).</summary>
    public sealed class NetworkCounters
    {
        /// <summary>Calls to <see cref="NetworkServer.OnUplink"/> (every copy from every gateway).</summary>
        public int FramesReceived { get; internal set; }

        /// <summary>Copies within the deduplication window, dropped as duplicates (join and data).</summary>
        public int Duplicates { get; internal set; }

        /// <summary>Join-requests processed (duplicates excluded).</summary>
        public int JoinRequests { get; internal set; }

        /// <summary>Join-requests accepted (a Join-accept built).</summary>
        public int JoinAccepts { get; internal set; }

        /// <summary>LoRaWAN 1.1 Rejoin-requests processed (§6.2.4).</summary>
        public int RejoinRequests { get; internal set; }

        /// <summary>Rejoin-requests answered with a Join-accept.</summary>
        public int RejoinAccepts { get; internal set; }

        /// <summary>Rejoin-requests from an unknown device, a 1.0 device or session, or another NetID / JoinEUI.</summary>
        public int RejoinRejectedUnknown { get; internal set; }

        /// <summary>Rejoin-requests with a wrong MIC (type 0/2: SNwkSIntKey, type 1: JSIntKey).</summary>
        public int RejoinRejectedMic { get; internal set; }

        /// <summary>Rejoin-requests whose RJcount0 / RJcount1 was not above the last one accepted (§6.2.4.1).</summary>
        public int RejoinRejectedRjCount { get; internal set; }

        /// <summary>Join-requests that did not parse.</summary>
        public int JoinRejectedMalformed { get; internal set; }

        /// <summary>Join-requests from unknown DevEUI/JoinEUI.</summary>
        public int JoinRejectedUnknownDevice { get; internal set; }

        /// <summary>Join-requests with a wrong MIC.</summary>
        public int JoinRejectedMic { get; internal set; }

        /// <summary>LoRaWAN 1.0.4 Join-requests whose DevNonce was not above the last accepted one.</summary>
        public int JoinRejectedDevNonceTooSmall { get; internal set; }

        /// <summary>LoRaWAN ≤ 1.0.3 Join-requests repeating a DevNonce.</summary>
        public int JoinRejectedDevNonceReused { get; internal set; }

        /// <summary>Join-requests on an unknown data rate.</summary>
        public int JoinRejectedDataRate { get; internal set; }

        /// <summary>Data uplinks accepted, retransmissions included.</summary>
        public int UplinksAccepted { get; internal set; }

        /// <summary>Accepted uplinks that repeated the previous FCnt (NbTrans or confirmed retry).</summary>
        public int Retransmissions { get; internal set; }

        /// <summary>Retransmissions whose payload differed from the first frame with that FCnt.</summary>
        public int ReusedFCntWithNewData { get; internal set; }

        /// <summary>Uplinks that did not parse (or were of a type this model does not handle).</summary>
        public int UplinksRejectedMalformed { get; internal set; }

        /// <summary>Uplinks with no matching DevAddr.</summary>
        public int UplinksRejectedUnknownDevAddr { get; internal set; }

        /// <summary>Uplinks with a wrong MIC.</summary>
        public int UplinksRejectedMic { get; internal set; }

        /// <summary>Uplinks replaying an older FCnt.</summary>
        public int UplinksRejectedReplay { get; internal set; }

        /// <summary>Uplinks on an unknown data rate.</summary>
        public int UplinksRejectedDataRate { get; internal set; }

        /// <summary>Uplinks of a pending LoRaWAN 1.1 session without RekeyInd (<see cref="UplinkRejectReason.MissingRekeyInd"/>).</summary>
        public int UplinksRejectedNoRekeyInd { get; internal set; }

        /// <summary>Downlinks handed to the gateway (join-accepts included; dropped ones excluded).</summary>
        public int DownlinksSent { get; internal set; }

        /// <summary>Downlinks sent in RX1.</summary>
        public int DownlinksRx1 { get; internal set; }

        /// <summary>Downlinks sent in RX2.</summary>
        public int DownlinksRx2 { get; internal set; }

        /// <summary>Downlinks lost on purpose (<see cref="NetworkServer.DropDownlinks"/>).</summary>
        public int DownlinksDropped { get; internal set; }

        /// <summary>Downlinks sent late on purpose (<see cref="NetworkServer.DelayDownlinks"/>).</summary>
        public int DownlinksLate { get; internal set; }

        /// <summary>Downlinks needed but refused by the gateway in both windows.</summary>
        public int DownlinksNotSent { get; internal set; }

        /// <summary>Downlinks with the ACK bit (answers to confirmed uplinks).</summary>
        public int AcksSent { get; internal set; }

        /// <summary>Application downlinks sent (each transmission of a queued item).</summary>
        public int ApplicationDownlinksSent { get; internal set; }

        /// <summary>Confirmed downlinks acknowledged by the device.</summary>
        public int ConfirmedDownlinksAcked { get; internal set; }

        /// <summary>Confirmed downlinks not acknowledged by the next uplink (requeued).</summary>
        public int ConfirmedDownlinksNacked { get; internal set; }

        /// <summary>Downlinks sent to Class C devices outside RX1/RX2 (<see cref="RxWindow.RxC"/>).</summary>
        public int DownlinksClassC { get; internal set; }

        /// <summary>Confirmed Class C downlinks whose answer did not come within <see cref="NetworkOptions.ClassCTimeoutUs"/> (retried).</summary>
        public int ClassCAckTimeouts { get; internal set; }

        /// <summary>Class C downlink attempts put off because the gateway's sub-band duty cycle was used up.</summary>
        public int ClassCDutyCycleDeferrals { get; internal set; }

        /// <summary>Confirmed downlinks given up after <see cref="NetworkOptions.ConfirmedDownlinkRetries"/> retries.</summary>
        public int ConfirmedDownlinksGivenUp { get; internal set; }

        /// <summary>Sets every counter to 0.</summary>
        public void Reset()
        {
            FramesReceived = 0; Duplicates = 0; JoinRequests = 0; JoinAccepts = 0; JoinRejectedMalformed = 0;
            RejoinRequests = 0; RejoinAccepts = 0; RejoinRejectedUnknown = 0; RejoinRejectedMic = 0; RejoinRejectedRjCount = 0;
            JoinRejectedUnknownDevice = 0; JoinRejectedMic = 0; JoinRejectedDevNonceTooSmall = 0;
            JoinRejectedDevNonceReused = 0; JoinRejectedDataRate = 0; UplinksAccepted = 0; Retransmissions = 0;
            ReusedFCntWithNewData = 0; UplinksRejectedMalformed = 0; UplinksRejectedUnknownDevAddr = 0;
            UplinksRejectedMic = 0; UplinksRejectedReplay = 0; UplinksRejectedDataRate = 0; UplinksRejectedNoRekeyInd = 0; DownlinksSent = 0;
            DownlinksRx1 = 0; DownlinksRx2 = 0; DownlinksDropped = 0; DownlinksLate = 0; DownlinksNotSent = 0;
            AcksSent = 0; ApplicationDownlinksSent = 0; ConfirmedDownlinksAcked = 0; ConfirmedDownlinksNacked = 0;
            DownlinksClassC = 0; ClassCAckTimeouts = 0; ClassCDutyCycleDeferrals = 0; ConfirmedDownlinksGivenUp = 0;
        }
    }
}
