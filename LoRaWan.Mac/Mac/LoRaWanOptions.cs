using System;
using LoRaWan.Frames;
using LoRaWan.Regions;

namespace LoRaWan.Mac
{
    /// <summary>Settings of the device MAC. Defaults suit nanoFramework on an ESP32 talking to The Things Stack.</summary>
    public sealed class LoRaWanOptions
    {
        /// <summary>
        /// The MAC version registered on the network server (default 1.0.4): 1.0.2, 1.0.3, 1.0.4, or 1.1, which needs a
        /// LoRaWAN 1.1 identity (<see cref="DeviceIdentity.Otaa11"/>, <see cref="DeviceIdentity.Abp11"/>) — and a 1.1 identity
        /// needs 1.1 (checked when the MAC is created).
        /// </summary>
        public LoRaWanVersion Version = LoRaWanVersion.V1_0_4;

        /// <summary>
        /// How far, either way, the platform's view of "end of uplink + RECEIVE_DELAY" may be off, in µs
        /// (interrupt and timer latency). Default 30 ms: nanoFramework threads run on a 10 ms FreeRTOS tick and
        /// managed event dispatch adds more. Receive windows are widened to cover it.
        /// </summary>
        public long TimingErrorUs = 30000;

        /// <summary>Time the radio needs from the SPI command to listening, in µs (window opens this much earlier).</summary>
        public long RadioWakeUpUs = 2000;

        /// <summary>
        /// When true, the MAC widens <see cref="TimingErrorUs"/> to cover the largest window-opening lateness it
        /// has measured (plus 25 %), so a slower platform keeps catching downlinks.
        /// </summary>
        public bool AdaptTimingError;

        /// <summary>FCntUp is persisted every this many uplinks and restored as last persisted + this (flash wear vs. skipped counters).</summary>
        public int FCntPersistInterval = 16;

        /// <summary>Sync word: true for public LoRaWAN networks (0x34), false for private (0x12).</summary>
        public bool PublicNetwork = true;

        /// <summary>Adaptive data rate requested from the network (the ADR bit).</summary>
        public bool Adr = true;

        /// <summary>
        /// Data rate for uplinks when ADR is off and for the first uplink after joining or, for ABP, after a fresh
        /// start; -1 = the region's choice: OTAA keeps the rate its join succeeded at; ABP starts at the region's
        /// default data rate (<see cref="LoRaWan.Regions.Region.DefaultDataRate"/>: DR0, DR2 in AS923 and AU915, DR1
        /// in CN470), as LoRaMac-node does, and ADR moves it from there. Otherwise it must be a LoRa uplink data rate
        /// of the region that carries a payload under its default dwell time (checked when the device is created,
        /// see <see cref="Validate(LoRaWan.Regions.Region)"/>).
        /// </summary>
        public int DataRate = -1;

        /// <summary>
        /// TXPower index (RP002-1.0.4 TX power tables: region's MaxEIRP − 2·index dB) for uplinks until the network
        /// sets one with LinkADRReq; -1 = index 0 (the region's maximum EIRP). Must be 0..the region's highest index.
        /// </summary>
        public int TxPowerIndex = -1;

        /// <summary>
        /// Largest PHYPayload the radio sends or receives at a GFSK data rate (default 63: the SX127x driver loads its
        /// 64-byte FSK FIFO once, the length byte included, because refilling it every 10 ms at 50 kbit/s is beyond
        /// nanoFramework's interrupt latency). Uplinks at an FSK rate are limited to this less MHDR and MIC (58-byte
        /// MACPayload, 50 bytes of application payload without FOpts) instead of the regional 230; a longer payload is
        /// refused as PayloadTooLarge. Set it to 255 for a radio without that limit.
        /// </summary>
        public int MaxFskPhyPayload = 63;

        /// <summary>Antenna gain in dBi, subtracted from the EIRP to get the radio's conducted power.</summary>
        public int AntennaGainDbi = 2;

        /// <summary>
        /// After receiving a confirmed downlink, or MAC commands that want answers (LoRaWAN 1.0.4 §5), send an empty
        /// uplink carrying the ACK and the answers if the application sends nothing within this many ms (0 = never; they
        /// then ride the next application uplink).
        /// </summary>
        public int EmptyAckUplinkDelayMs = 30000;

        /// <summary>
        /// Class C: after a confirmed downlink received while the device is idle, send an empty uplink carrying the ACK
        /// if the application sends nothing within this many ms (0 = never). LoRaWAN 1.0.4 §15 wants the answer within
        /// CLASS_C_RESP_TIMEOUT (RP002-1.0.4: 8 s), so 1..7999; the default, 4 s, leaves the application time to answer
        /// itself and the duty cycle some room.
        /// </summary>
        public int ClassCAckUplinkDelayMs = 4000;

        /// <summary>Initial number of transmissions per uplink (NbTrans, 1..15) until the network sets it with LinkADRReq.</summary>
        public int NbTrans = 1;

        /// <summary>
        /// ADR_ACK_LIMIT (LoRaWAN 1.0.4 §4.3.1.1, default <see cref="AdrBackoff.DefaultAdrAckLimit"/> = 64): with ADR on, an
        /// uplink sent after this many uplinks without any downlink carries ADRACKReq. A LoRaWAN 1.1 network may replace it
        /// for the session (ADRParamSetupReq); a new join or personalisation comes back to this value.
        /// </summary>
        public int AdrAckLimit = AdrBackoff.DefaultAdrAckLimit;

        /// <summary>
        /// ADR_ACK_DELAY (default <see cref="AdrBackoff.DefaultAdrAckDelay"/> = 32): after ADR_ACK_LIMIT + this many uplinks
        /// without a downlink the device restores its default TX power, then lowers its data rate one step every
        /// ADR_ACK_DELAY uplinks, then re-enables its default channels (see <see cref="AdrBackoff"/>).
        /// </summary>
        public int AdrAckDelay = AdrBackoff.DefaultAdrAckDelay;

        /// <summary>US915/AU915 sub-band (1..8) to use, e.g. 2 for The Things Network; 0 = all channels.</summary>
        public int SubBand;

        /// <summary>
        /// Fixed-channel plans (US915, AU915, CN470): the application's own default channel mask instead of
        /// <see cref="SubBand"/> — one 16-bit word per 16 channels of the plan, bit n of word w = channel 16·w + n
        /// (US915/AU915: five words, 0..63 at 125 kHz, 64..71 at 500 kHz, at least two 125 kHz channels or only
        /// 500 kHz ones; CN470: four words for the 20 MHz types, three for 26 MHz, six for the RP001 plan). Joins start from it and the ADR back-off comes back to it. Null = <see cref="SubBand"/>.
        /// </summary>
        public ushort[] ChannelMask;

        /// <summary>
        /// Listen-before-talk: <see cref="ListenBeforeTalkMode.RegionDefault"/> senses in KR920 (6 ms at −65 dBm before
        /// every transmission, join requests included) and nowhere else; <see cref="ListenBeforeTalkMode.On"/> in AS923
        /// for a device used in Japan (5 ms at −80 dBm, ARIB STD-T108). A busy channel is never used: the next free
        /// one is, or the device waits and senses again. See LoRaWan.Regions/Regions/README.md.
        /// </summary>
        public ListenBeforeTalkMode ListenBeforeTalk = ListenBeforeTalkMode.RegionDefault;

        /// <summary>True when the MAC senses the channel before transmitting in <paramref name="region"/> with these options.</summary>
        public bool UsesListenBeforeTalk(Region region)
        {
            if (ListenBeforeTalk == ListenBeforeTalkMode.On) return true;
            return ListenBeforeTalk == ListenBeforeTalkMode.RegionDefault && region.ListenBeforeTalkRequired;
        }

        /// <summary>Seed of the channel-selection and back-off random numbers; 0 = derive from the DevEUI and the clock.</summary>
        public uint RandomSeed;

        /// <summary>Checks the values; throws <see cref="ArgumentException"/> naming the bad one.</summary>
        public void Validate()
        {
            if (Version != LoRaWanVersion.V1_0_2 && Version != LoRaWanVersion.V1_0_3 && Version != LoRaWanVersion.V1_0_4 && Version != LoRaWanVersion.V1_1)
                throw new ArgumentException("Version must be 1.0.2, 1.0.3, 1.0.4 or 1.1", "Version");
            if (TimingErrorUs < 0 || TimingErrorUs > 500000) throw new ArgumentException("TimingErrorUs must be 0..500000", "TimingErrorUs");
            if (RadioWakeUpUs < 0 || RadioWakeUpUs > 100000) throw new ArgumentException("RadioWakeUpUs must be 0..100000", "RadioWakeUpUs");
            if (FCntPersistInterval < 1 || FCntPersistInterval > 1000) throw new ArgumentException("FCntPersistInterval must be 1..1000", "FCntPersistInterval");
            if (MaxFskPhyPayload < 13 || MaxFskPhyPayload > 255) throw new ArgumentException("MaxFskPhyPayload must be 13..255", "MaxFskPhyPayload");
            if (SubBand < 0 || SubBand > 8) throw new ArgumentException("SubBand must be 0 (all) or 1..8", "SubBand");
            if (ChannelMask != null && (ChannelMask.Length < 1 || ChannelMask.Length > 6 || SubBand != 0))
                throw new ArgumentException("ChannelMask must be one word per 16 channels of the plan (US915/AU915: 5) and SubBand 0", "ChannelMask");
            if (NbTrans < 1 || NbTrans > 15) throw new ArgumentException("NbTrans must be 1..15", "NbTrans");
            if (AdrAckLimit < 1 || AdrAckLimit > 0x7FFF) throw new ArgumentException("AdrAckLimit must be 1..32767", "AdrAckLimit");
            if (AdrAckDelay < 1 || AdrAckDelay > 0x7FFF) throw new ArgumentException("AdrAckDelay must be 1..32767", "AdrAckDelay");
            if (EmptyAckUplinkDelayMs < 0) throw new ArgumentException("EmptyAckUplinkDelayMs must be >= 0", "EmptyAckUplinkDelayMs");
            if (ClassCAckUplinkDelayMs < 0 || ClassCAckUplinkDelayMs >= 8000)
                throw new ArgumentException("ClassCAckUplinkDelayMs must be 0 (never) or 1..7999 (CLASS_C_RESP_TIMEOUT is 8 s)", "ClassCAckUplinkDelayMs");
            if (DataRate < -1) throw new ArgumentException("DataRate must be -1 (region default) or a data rate of the region", "DataRate");
            if (ListenBeforeTalk != ListenBeforeTalkMode.RegionDefault && ListenBeforeTalk != ListenBeforeTalkMode.On && ListenBeforeTalk != ListenBeforeTalkMode.Off)
                throw new ArgumentException("ListenBeforeTalk must be RegionDefault, On or Off", "ListenBeforeTalk");
            if (TxPowerIndex < -1) throw new ArgumentException("TxPowerIndex must be -1 (region default) or a TXPower index of the region", "TxPowerIndex");
        }

        /// <summary>
        /// <see cref="Validate()"/>, then the values that depend on <paramref name="region"/>: <see cref="DataRate"/> must be
        /// an uplink data rate of the region that this stack sends (LoRa) and that carries a payload under the region's
        /// default dwell time, <see cref="TxPowerIndex"/> a TXPower index the region defines. Throws <see cref="ArgumentException"/> naming the bad one.
        /// </summary>
        public void Validate(Region region)
        {
            if (region == null) throw new ArgumentNullException("region");
            Validate();
            if (DataRate >= 0)
            {
                // RP002-1.0.4 data-rate tables: an RFU index, a downlink-only rate, or LR-FHSS cannot be sent.
                if (!region.IsUplinkDataRate(DataRate) || !region.IsDataRateSupported(DataRate))
                    throw new ArgumentException("DataRate " + DataRate.ToString() + " is not a LoRa or FSK uplink data rate of " + region.Name
                        + " (highest: DR" + HighestLoRaUplinkRate(region).ToString() + ")", "DataRate");
                if (!region.IsUplinkDataRateUsable(region.CreateChannelPlan(), DataRate))
                    throw new ArgumentException("DataRate " + DataRate.ToString() + " carries no payload in " + region.Name
                        + " under its default dwell-time limit", "DataRate");
            }
            if (ListenBeforeTalk == ListenBeforeTalkMode.On && !region.HasListenBeforeTalk)
                throw new ArgumentException("ListenBeforeTalk On: " + region.Name + " defines no carrier-sense parameters (KR920 and AS923 do)", "ListenBeforeTalk");
            if (TxPowerIndex >= 0 && !region.IsTxPowerIndexValid(TxPowerIndex))
                throw new ArgumentException("TxPowerIndex " + TxPowerIndex.ToString() + " is not defined in " + region.Name
                    + " (0.." + region.MaxTxPowerIndex.ToString() + ")", "TxPowerIndex");
        }

        /// <summary>
        /// Checks that <paramref name="identity"/> matches <see cref="Version"/>: a LoRaWAN 1.1 identity (NwkKey and AppKey, or
        /// four ABP session keys) only with 1.1, a 1.0.x identity never with 1.1. Throws <see cref="ArgumentException"/>.
        /// </summary>
        public void Validate(DeviceIdentity identity)
        {
            if (identity == null) throw new ArgumentNullException("identity");
            if (identity.Is11 && Version != LoRaWanVersion.V1_1)
                throw new ArgumentException("a LoRaWAN 1.1 identity (Otaa11/Abp11) needs Version = V1_1", "Version");
            if (!identity.Is11 && Version == LoRaWanVersion.V1_1)
                throw new ArgumentException("Version V1_1 needs a LoRaWAN 1.1 identity (DeviceIdentity.Otaa11 or Abp11)", "Version");
        }

        static int HighestLoRaUplinkRate(Region region)
        {
            int best = -1;
            for (int dr = 0; dr <= region.MaxUplinkDataRate; dr++)
                if (region.IsUplinkDataRate(dr) && region.IsDataRateSupported(dr)) best = dr;
            return best;
        }
    }
}
