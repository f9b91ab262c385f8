using LoRaWan.Crypto;
using LoRaWan.Frames;

namespace LoRaWan.Mac
{
    /// <summary>
    /// The OTAA join in progress (LoRaWAN 1.0.4 §6.2): the attempt number, its DevNonce and data rate, whether its
    /// join-accept was taken, and the frames and crypto it uses. One instance per MAC, created once and reused.
    /// </summary>
    internal sealed class JoinAttempt
    {
        internal readonly JoinRequestFrame Request = new JoinRequestFrame();
        internal readonly JoinAcceptFrame Accept = new JoinAcceptFrame();
        internal readonly JoinCrypto Crypto;
        internal readonly KeyDerivation Keys;
        /// <summary>JSIntKey of this device (LoRaWAN 1.1 §6.1.1.3), derived for the 1.1 join-accept MIC.</summary>
        internal readonly byte[] JsIntKey = new byte[16];
        /// <summary>The LoRaWAN 1.1 Rejoin-requests (§6.2.4): the join procedure run again from inside a session.</summary>
        internal readonly RejoinAttempt Rejoin = new RejoinAttempt();
        /// <summary>Attempts that ended without a join, since the join started (0 for the first).</summary>
        internal int Number;
        /// <summary>The data rate this attempt's JoinRequest goes out at.</summary>
        internal int DataRate;
        /// <summary>This attempt's DevNonce (persisted before it went on air).</summary>
        internal int DevNonce;
        /// <summary>This attempt's join-accept was accepted and persisted.</summary>
        internal bool Accepted;
        /// <summary>An attempt cut short (radio failure, internal error) restarts from the alarm with a fresh DevNonce.</summary>
        internal bool RestartPending;

        /// <summary>
        /// The join's crypto on <paramref name="schedule"/>, one AES schedule for the join-accept's decryption and the key
        /// derivation, which the MAC also gives its payload cipher's second key slot (issue 20: three key schedules of
        /// 360 B on a 64-bit heap held for work done once per join), and its MICs on <paramref name="cmac"/> (a 1.0.x device's
        /// data-MIC CMAC). Each use loads its key, so sharing changes no result.
        /// </summary>
        internal JoinAttempt(Aes128 schedule, AesCmac cmac)
        {
            Crypto = new JoinCrypto(schedule, cmac);
            Keys = new KeyDerivation(schedule);
        }
    }
}
