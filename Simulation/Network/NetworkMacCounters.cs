namespace LoRaWan.Simulation
{
    /// <summary>What the network server's MAC command model sent and how the devices answered (all devices).</summary>
    public sealed class NetworkMacCounters
    {
        /// <summary>Requests put in downlinks (answers to device requests excluded).</summary>
        public int RequestsQueued { get; internal set; }

        /// <summary>Answers that matched what the request should get (status bits per LoRaWAN 1.0.4 §5).</summary>
        public int AnswersCorrect { get; internal set; }

        /// <summary>Answers to a request carrying the wrong status (or malformed).</summary>
        public int AnswersWrong { get; internal set; }

        /// <summary>Answers to nothing the network asked (no request in flight, not a sticky repeat, or one the device should not answer).</summary>
        public int AnswersUnexpected { get; internal set; }

        /// <summary>Requests whose answer the next uplink did not carry (the request is asked again).</summary>
        public int AnswersMissing { get; internal set; }

        /// <summary>Uplink command sequences that could not be parsed to the end (unknown CID, truncated).</summary>
        public int MalformedSequences { get; internal set; }

        /// <summary>Sticky answers repeated by the device (LoRaWAN 1.0.4: until it receives a Class A downlink).</summary>
        public int StickyRepeats { get; internal set; }

        /// <summary>Sticky repeats after the network had sent a downlink (the device should have stopped, if it got it).</summary>
        public int LateStickyRepeats { get; internal set; }

        /// <summary>LinkCheckReq answered.</summary>
        public int LinkChecksAnswered { get; internal set; }

        /// <summary>DeviceTimeReq answered.</summary>
        public int DeviceTimesAnswered { get; internal set; }

        /// <summary>LoRaWAN 1.1 RekeyInd answered with RekeyConf.</summary>
        public int RekeyConfsSent { get; internal set; }

        /// <summary>LoRaWAN 1.1 ResetInd (ABP) answered with ResetConf.</summary>
        public int ResetConfsSent { get; internal set; }

        /// <summary>LoRaWAN 1.1 DeviceModeInd answered with DeviceModeConf.</summary>
        public int DeviceModeConfsSent { get; internal set; }

        /// <summary>Wrong + unexpected + malformed: answers that break the specification.</summary>
        public int WrongAnswers
        {
            get { return AnswersWrong + AnswersUnexpected + MalformedSequences; }
        }
    }
}
