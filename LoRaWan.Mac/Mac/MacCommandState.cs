namespace LoRaWan.Mac
{
    /// <summary>
    /// The MAC commands' state (LoRaWAN 1.0.4 §5): the executor, the answers owed and the session they belong to, the
    /// network time from the last DeviceTimeAns. Created once, when the MAC is built.
    /// </summary>
    internal sealed class MacCommandState
    {
        internal readonly MacCommandProcessor Processor;
        internal readonly MacAnswers Answers;
        /// <summary>The session the answers belong to (a new join or personalisation drops them).</summary>
        internal uint AnswersDevAddr;
        internal uint AnswersJoinNonce;
        /// <summary>A DeviceTimeAns arrived: <see cref="NetworkTimeGpsUs"/> at <see cref="NetworkTimeAnchorUs"/> of the MAC clock.</summary>
        internal bool HasNetworkTime;
        internal ulong NetworkTimeGpsUs;
        internal ulong NetworkTimeAnchorUs;

        internal MacCommandState(MacCommandProcessor processor, uint devAddr, uint joinNonce)
        {
            Processor = processor;
            Answers = processor.Answers;
            AnswersDevAddr = devAddr;
            AnswersJoinNonce = joinNonce;
        }
    }
}
