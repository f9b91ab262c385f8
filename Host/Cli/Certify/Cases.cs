using System;
using System.Collections.Generic;
using LoRaWan.Certification;
using LoRaWan.Mac;
using LoRaWan.Simulation;

namespace LoRaWan.Cli.Certify
{
    /// <summary>
    /// The scripted cases of <c>lorawan certify</c>, derived clause by clause from LoRaWAN 1.0.4 (TS001-1.0.4), RP002-1.0.4
    /// and TS009-1.0.0 (the LoRa Alliance's end-device test specification itself is not public; its section names are
    /// followed where its public excerpts show them). Expected bytes are written from those clauses, never produced by
    /// the device's own encoders.
    /// </summary>
    public static class Cases
    {
        static readonly List<CertificationCase> All = new List<CertificationCase>();

        static void Add(string id, string name, string clause, Func<Harness, string> run, Func<string, bool> applies = null, bool ownJoin = false)
        {
            All.Add(new CertificationCase { Id = id, Name = name, Clause = clause, Run = run, Applies = applies, OwnJoin = ownJoin });
        }

        static bool Dynamic(string r) => !RegionFacts.IsFixed(r);

        /// <summary>The cases that exist in <paramref name="region"/>, in order.</summary>
        public static List<CertificationCase> For(string region)
        {
            if (All.Count == 0) Build();
            return All.FindAll(c => c.Applies == null || c.Applies(region));
        }

        // ---- helpers ----------------------------------------------------------------------------------------------

        /// <summary>Length of the payload after an uplink MAC command's CID (LoRaWAN 1.0.4 §5, Table 4); -1 unknown.</summary>
        static int UplinkPayloadLength(byte cid) => cid switch
        {
            0x02 => 0,
            0x03 => 1,
            0x04 => 0,
            0x05 => 1,
            0x06 => 2,
            0x07 => 1,
            0x08 => 0,
            0x09 => 0,
            0x0A => 1,
            0x0D => 0,
            _ => -1,
        };

        /// <summary>The payloads of every <paramref name="cid"/> command in an uplink's FOpts (empty arrays for payload-less ones).</summary>
        static List<byte[]> Find(byte[] fopts, byte cid)
        {
            var found = new List<byte[]>();
            if (fopts == null) return found;
            int i = 0;
            while (i < fopts.Length)
            {
                int n = UplinkPayloadLength(fopts[i]);
                if (n < 0 || i + 1 + n > fopts.Length) break;
                if (fopts[i] == cid) found.Add(fopts.AsSpan(i + 1, n).ToArray());
                i += 1 + n;
            }
            return found;
        }

        static string Expect(bool ok, string reason) => ok ? null : reason;

        static string Bytes(byte[] b) => b == null ? "nothing" : Harness.Hex(b, b.Length);

        static string ExpectAnswer(byte[] got, byte[] expected)
        {
            if (got == null) return "no answer on FPort 224 (expected " + Bytes(expected) + ")";
            return got.AsSpan().SequenceEqual(expected) ? null : "answer " + Bytes(got) + ", expected " + Bytes(expected);
        }

        static byte[] Echo(Harness h, params byte[] data)
        {
            var cmd = new byte[data.Length + 1];
            cmd[0] = CertificationCommand.EchoPayloadReq;
            data.CopyTo(cmd, 1);
            return h.Exchange(cmd);
        }

        static string EchoWorks(Harness h, string when)
        {
            byte[] a = Echo(h, 0x10, 0x20);
            return a != null && a.Length == 3 && a[1] == 0x11 && a[2] == 0x21 ? null : "EchoPayloadReq " + when + ": got " + Bytes(a) + ", expected 081121";
        }

        /// <summary>The LinkADRReq commands that set <paramref name="dr"/> and <paramref name="power"/> on the region's usual channels.</summary>
        static byte[] LinkAdr(string region, int dr, int power, int nbTrans)
        {
            byte drPow = (byte)((dr << 4) | power);
            if (RegionFacts.IsFixed(region))
                // RP002-1.0.4 §2.5.5: ChMaskCntl 7 (all 125 kHz off, 500 kHz per ChMask), then ChMaskCntl 0 enabling 8..15 (sub-band 2).
                return new byte[] { 0x03, drPow, 0x00, 0x00, (byte)(0x70 | nbTrans), 0x03, drPow, 0x00, 0xFF, (byte)nbTrans };
            // Dynamic plans: ChMaskCntl 0, channels 0 and 1 (every dynamic region has at least two default channels).
            return new byte[] { 0x03, drPow, 0x03, 0x00, (byte)nbTrans };
        }

        static int Rx1OffsetFor(string region) => 1;

        static int Rx2RateFor(string region) => RegionFacts.IsFixed(region) ? 10 : 3;

        static uint Rx2FrequencyFor(Harness h) => h.Mac.Region.Rx2Frequency;

        static byte[] RxParamSetup(int offset, int rx2Dr, uint frequencyHz)
        {
            uint f = frequencyHz / 100;
            return new byte[] { 0x05, (byte)((offset << 4) | rx2Dr), (byte)f, (byte)(f >> 8), (byte)(f >> 16) };
        }

        static string Status(byte[] fopts, byte cid, int expected, string what)
        {
            List<byte[]> a = Find(fopts, cid);
            if (a.Count == 0) return "no " + what + " in the next uplink (FOpts " + Bytes(fopts) + ")";
            return a[0][0] == expected ? null : what + " status 0x" + a[0][0].ToString("X2") + ", expected 0x" + expected.ToString("X2");
        }

        // ---- the cases --------------------------------------------------------------------------------------------

        static void Build()
        {
            // Activation (LoRaWAN 1.0.4 §6.2).
            Add("JOIN-01", "OTAA join accepted in RX1", "§6.2.4–6.2.6", h =>
            {
                if (!h.JoinNow()) return "not joined within 10 min";
                return Expect(h.World.Network.Counters.JoinAccepts >= 1, "no join-accept sent");
            }, ownJoin: true);
            Add("JOIN-02", "Join-accept in RX2 (JOIN_ACCEPT_DELAY2)", "§6.2.6, RP002 §2.x.7", h =>
            {
                h.World.Network.ForceRx2 = true;
                bool ok = h.JoinNow();
                h.World.Network.ForceRx2 = false;
                return Expect(ok, "join-accept sent in RX2 not received");
            }, ownJoin: true);
            Add("JOIN-03", "Join retried after a lost join-accept, with a new DevNonce", "§6.2.4, §6.2.5", h =>
            {
                h.World.Network.DropDownlinks(1);
                if (!h.JoinNow()) return "not joined after a lost join-accept";
                return Expect(h.World.Network.Counters.JoinRequests >= 2 && h.World.Network.Counters.JoinRejectedDevNonceReused == 0,
                    "join requests " + h.World.Network.Counters.JoinRequests + ", DevNonce reuses " + h.World.Network.Counters.JoinRejectedDevNonceReused);
            }, ownJoin: true);
            Add("JOIN-04", "DutJoinReq: rejoin with a greater DevNonce", "§6.2.4 (1.0.4 DevNonce counter), TS009 §5.3", h =>
            {
                int accepts = h.World.Network.Counters.JoinAccepts;
                h.Send224(new byte[] { CertificationCommand.DutJoinReq });
                if (!h.RunUntil(() => h.World.Network.Counters.JoinAccepts > accepts && h.Mac.IsJoined, 120000)) return "no rejoin after DutJoinReq";
                return Expect(h.World.Network.Counters.JoinRejectedDevNonceReused == 0, "a DevNonce was reused");
            });
            Add("JOIN-05", "DevNonce kept across a reset", "§6.2.4", h =>
            {
                h.Send224(new byte[] { CertificationCommand.DutResetReq });
                if (!h.RunUntil(() => h.Boots == 2, 60000)) return "DutResetReq did not reset the DUT";
                h.Send224(new byte[] { CertificationCommand.DutJoinReq });
                if (!h.RunUntil(() => h.Package.TestMode || h.World.Network.Counters.JoinRequests > 1, 60000)) return "no traffic after the reset";
                h.RunUntil(() => h.World.Network.Counters.JoinAccepts > 1, 120000);
                return Expect(h.World.Network.Counters.JoinRejectedDevNonceReused == 0 && h.World.Network.Counters.JoinAccepts > 1,
                    "rejoin after reset: accepts " + h.World.Network.Counters.JoinAccepts + ", DevNonce reuses " + h.World.Network.Counters.JoinRejectedDevNonceReused);
            });
            Add("JOIN-06", "A new session restarts FCntUp and FCntDown at 0", "§6.2.6 (§4.3.1.5)", h =>
            {
                int from = h.Uplinks.Count;
                int accepts = h.World.Network.Counters.JoinAccepts;
                h.Send224(new byte[] { CertificationCommand.DutJoinReq });
                if (!h.RunUntil(() => h.World.Network.Counters.JoinAccepts > accepts && h.Mac.IsJoined, 120000)) return "no rejoin";
                UplinkRecord first = h.WaitUplink(h.Uplinks.Count, u => true, 30000);
                if (first == null || first.FCnt != 0) return "first uplink of the new session has FCnt " + (first == null ? "none" : first.FCnt.ToString());
                h.Send224(new byte[] { CertificationCommand.RegionalDutyCycleCtrlReq, 0 });
                if (!h.RunUntil(() => h.Package.TestMode, 60000)) return "downlink FCntDown 0 of the new session not accepted";
                return null;
            });

            // TS009 package (TS009-1.0.0 §4, §5).
            Add("TS-01", "PackageVersionReq answered: package 6 version 1", "TS009 §5.1", h => ExpectAnswer(h.Exchange(new byte[] { 0x00 }), new byte[] { 0x00, 0x06, 0x01 }));
            Add("TS-02", "DutVersionsReq: 13 octets, LrwanVersion matches", "TS009 §5.16", h =>
            {
                // The answer is 13 octets: where the join's data rate carries fewer (US915 DR0: N = 11), the harness raises it first.
                if (h.Mac.MaxPayload < 13) h.MacExchange(LinkAdr(h.RegionName, RegionFacts.AdrTargetDataRate(h.RegionName), 1, 1));
                byte[] a = h.Exchange(new byte[] { 0x7F });
                if (a == null || a.Length != 13 || a[0] != 0x7F) return "answer " + Bytes(a);
                int v = (int)h.Options.Version;
                return Expect(a[5] == v / 100 && a[6] == v / 10 % 10 && a[7] == v % 10, "LrwanVersion " + a[5] + "." + a[6] + "." + a[7]);
            });
            Add("TS-03", "EchoPayloadReq: each octet + 1", "TS009 §5.9", h => ExpectAnswer(Echo(h, 0x00, 0x7F, 0xFE, 0xFF), new byte[] { 0x08, 0x01, 0x80, 0xFF, 0x00 }));
            Add("TS-04", "RxAppCntReq counts the downlinks", "TS009 §4.2.1, §5.10", h =>
            {
                h.Exchange(new byte[] { 0x0A });
                h.Exchange(new byte[] { 0x00 });
                return ExpectAnswer(h.Exchange(new byte[] { 0x09 }), new byte[] { 0x09, 0x02, 0x00 });
            });
            Add("TS-05", "RxAppCntResetReq sets the counter to 0", "TS009 §5.10", h =>
            {
                h.Exchange(new byte[] { 0x00 });
                h.Send224(new byte[] { 0x0A });
                h.Run(12000);
                return ExpectAnswer(h.Exchange(new byte[] { 0x09 }), new byte[] { 0x09, 0x01, 0x00 });
            });
            Add("TS-06", "TxPeriodicityChangeReq: uplinks every 10 s", "TS009 §5.7", h =>
            {
                h.Send224(new byte[] { 0x06, 0x02 });
                h.Run(15000);
                int from = h.Uplinks.Count;
                h.Run(60000);
                int n = h.Uplinks.Count - from;
                return Expect(n >= 5 && n <= 7, n + " uplinks in 60 s");
            });
            Add("TS-07", "TxFramesCtrlReq: confirmed uplinks, acknowledged", "TS009 §5.8, §4.3.1.2", h =>
            {
                h.Send224(new byte[] { 0x07, 0x02 });
                UplinkRecord u = h.WaitUplink(h.Uplinks.Count, r => r.Confirmed, 30000);
                if (u == null) return "no confirmed uplink after TxFramesCtrlReq 2";
                h.Run(10000);
                return Expect(h.World.Network.Counters.AcksSent > 0 && h.Package.LastSendResult.Status != SendStatus.NoAck, "confirmed uplinks not acknowledged");
            });
            Add("TS-08", "AdrBitChangeReq clears and sets the ADR bit", "TS009 §5.5, §4.3.1.1", h =>
            {
                h.Deliver224(new byte[] { 0x04, 0x00 });
                UplinkRecord off = h.WaitUplink(h.Uplinks.Count, r => true, 30000);
                h.Deliver224(new byte[] { 0x04, 0x01 });
                UplinkRecord on = h.WaitUplink(h.Uplinks.Count, r => true, 30000);
                return Expect(off != null && !off.Adr && on != null && on.Adr, "ADR bit after 0: " + off?.Adr + ", after 1: " + on?.Adr);
            });
            Add("TS-09", "DutResetReq: the DUT restarts and keeps its session", "TS009 §5.2", h =>
            {
                uint before = h.Uplinks.Last.FCnt;
                h.Send224(new byte[] { CertificationCommand.DutResetReq });
                if (!h.RunUntil(() => h.Boots == 2, 60000)) return "no reset";
                UplinkRecord u = h.WaitUplink(h.Uplinks.Count, r => true, 30000);
                return Expect(u != null && u.FCnt > before && h.World.Network.Counters.UplinksRejectedReplay == 0,
                    "after the reset: FCnt " + (u == null ? "none" : u.FCnt.ToString()) + " (before " + before + "), replays " + h.World.Network.Counters.UplinksRejectedReplay);
            });
            Add("TS-10", "Test mode suspends the application's uplinks", "TS009 §4.2.2", h =>
            {
                // Asked while the MAC is free, so Busy means suspended, not an uplink in progress: with RX1 5 s after the
                // uplink (the network's RxDelay) a 5 s period keeps the MAC busy all the time, so 20 s between test uplinks first.
                if (!h.Deliver224(new byte[] { 0x06, 0x03 })) return "TxPeriodicityChangeReq (20 s) not sent";
                if (!h.RunUntil(() => !h.Mac.IsBusy, 30000)) return "the MAC is never free between test uplinks";
                SendStatus s = h.Mac.StartSend(2, new byte[] { 1 }, 0, 1, false).Status;
                return Expect(s == SendStatus.Busy, "application uplink answered " + s + " in test mode");
            });
            Add("TS-11", "DutFPort224DisableReq: FPort 224 no longer answered", "TS009 §5.15", h =>
            {
                h.Send224(new byte[] { 0x7E });
                h.Run(15000);
                return Expect(h.Exchange(new byte[] { 0x00 }) == null, "PackageVersionReq still answered");
            });
            Add("TS-12", "LinkCheckReq command: LinkCheckReq sent, LinkCheckAns received", "TS009 §5.11, §5.1", h =>
            {
                int answered = h.World.Network.MacCounters.LinkChecksAnswered;
                int got = 0;
                h.Device.OnLinkCheck += (s, m, g) => got++;
                h.Send224(new byte[] { 0x20 });
                h.RunUntil(() => got > 0, 30000);
                return Expect(h.World.Network.MacCounters.LinkChecksAnswered > answered && got > 0, "LinkCheckReq answered " + (h.World.Network.MacCounters.LinkChecksAnswered - answered) + ", LinkCheckAns received " + got);
            });
            Add("TS-13", "DeviceTimeReq command: DeviceTimeReq sent (1.0.3+), time received", "TS009 §5.12, §5.9", h =>
            {
                if ((int)h.Options.Version < 103)
                {
                    // DeviceTimeReq is a LoRaWAN 1.0.3 command: a 1.0.2 device must not send it.
                    int from = h.Uplinks.Count;
                    h.Deliver224(new byte[] { 0x21 });
                    h.Run(15000);
                    for (int i = from; i < h.Uplinks.Count; i++)
                        if (Find(h.Uplinks[i].FOpts.AsSpan(0, h.Uplinks[i].FOptsLength).ToArray(), 0x0D).Count > 0) return "a 1.0.2 device sent DeviceTimeReq";
                    return null;
                }
                h.Send224(new byte[] { 0x21 });
                h.RunUntil(() => h.Mac.TryGetNetworkTime(out _), 30000);
                return Expect(h.Mac.TryGetNetworkTime(out _), "no network time after DeviceTimeReq");
            });
            Add("TS-14", "TxCwReq: an unmodulated carrier for its Timeout, then test uplinks resume", "TS009 §5.14", h =>
            {
                // TxCwReq = CID, Timeout (2 octets, s), Frequency (3 octets, 100 Hz), TxPower (1 octet, dBm), little endian:
                // 3 s on the last uplink's channel at 14 dBm.
                uint f = h.Uplinks.Last.FrequencyHz;
                uint f100 = f / 100;
                int carriers = h.World.Air.CarrierCount;
                h.Send224(new byte[] { 0x7D, 0x03, 0x00, (byte)f100, (byte)(f100 >> 8), (byte)(f100 >> 16), 14 });
                if (!h.RunUntil(() => h.World.Air.CarrierCount > carriers, 30000)) return "no carrier on the air after TxCwReq";
                AirCarrier c = h.World.Air.GetCarrier(0);
                h.Log("  · carrier " + c.FrequencyHz + " Hz, " + c.PowerDbm + " dBm");
                if (c.FrequencyHz != f || c.PowerDbm != 14) return "carrier at " + c.FrequencyHz + " Hz, " + c.PowerDbm + " dBm; expected " + f + " Hz, 14 dBm";
                if (!h.RunUntil(() => !c.On, 10000)) return "the carrier is still on 10 s after a 3 s Timeout";
                ulong lasted = c.EndUs - c.StartUs;
                if (lasted < 2900000 || lasted > 3100000) return "the carrier lasted " + lasted / 1000 + " ms, expected 3000";
                if (h.World.Board.Chip.ModulatedCarriers > 0) return "the carrier was modulated (RegFdev not 0)";
                for (int i = 0; i < h.Uplinks.Count; i++)
                    if (h.Uplinks[i].UplinkEndUs > c.StartUs && h.Uplinks[i].UplinkEndUs <= c.EndUs) return "an uplink ended during the carrier";
                return Expect(h.WaitUplink(h.Uplinks.Count, r => true, 15000) != null, "no test uplink after the carrier");
            });

            // Frame counters (LoRaWAN 1.0.4 §4.3.1.5).
            Add("FCNT-01", "FCntUp grows by one per uplink", "§4.3.1.5", h =>
            {
                int from = h.Uplinks.Count;
                h.Run(30000);
                for (int i = from + 1; i < h.Uplinks.Count; i++)
                    if (h.Uplinks[i].FCnt != h.Uplinks[i - 1].FCnt + 1) return "FCnt " + h.Uplinks[i - 1].FCnt + " then " + h.Uplinks[i].FCnt;
                return Expect(h.Uplinks.Count - from >= 3, "too few uplinks");
            });
            Add("FCNT-02", "A replayed FCntDown is ignored", "§4.3.1.5", h =>
            {
                if (EchoWorks(h, "before") is string e) return e;
                h.Session.FCntDown -= 1;   // the next downlink reuses the last counter
                if (Echo(h, 0x01) != null) return "a downlink with a replayed FCntDown was acted on";
                return null;
            });
            Add("FCNT-03", "FCntDown rolls over its 16 low bits", "§4.3.1.5", h =>
            {
                h.Session.FCntDown = 0xFFFF;
                if (EchoWorks(h, "at FCntDown 0xFFFF") is string e) return e;
                return EchoWorks(h, "at FCntDown 0x10000");
            });
            Add("FCNT-04", "A gap in FCntDown is accepted", "§4.3.1.5", h =>
            {
                h.Session.FCntDown += 1000;
                return EchoWorks(h, "after a gap of 1000");
            });
            Add("FCNT-05", "FCntUp continues after a reset", "§4.3.1.5", h =>
            {
                uint before = h.Uplinks.Last.FCnt;
                h.Send224(new byte[] { CertificationCommand.DutResetReq });
                if (!h.RunUntil(() => h.Boots == 2, 60000)) return "no reset";
                ulong resetUs = h.NowUs;
                h.Run(20000);
                // On the air, not only in the server's log: a reused FCnt passes there as a retransmission of the last frame.
                int lastBefore = -1;
                foreach (var f in h.OnAir.Frames) if (f.StartUs < resetUs && f.FCnt > lastBefore) lastBefore = f.FCnt;
                foreach (var f in h.OnAir.Frames)
                    if (f.StartUs >= resetUs && f.FCnt <= lastBefore) return "FCnt " + f.FCnt + " sent after the reset (the last one before it: " + lastBefore + ")";
                return Expect(h.World.Network.Counters.UplinksRejectedReplay == 0 && h.Uplinks.Last.FCnt > before,
                    "replays " + h.World.Network.Counters.UplinksRejectedReplay + ", last FCnt " + h.Uplinks.Last.FCnt + " (before reset " + before + ")");
            });

            // Receive windows (LoRaWAN 1.0.4 §3.3, RP002-1.0.4).
            Add("RX-01", "Downlink in RX1", "§3.3.1, RP002 §2.x.7", h =>
            {
                if (EchoWorks(h, "in RX1") is string e) return e;
                return Expect(h.Downlinks.Count > 0 && h.Downlinks[h.Downlinks.Count - 1].Window == RxWindow.Rx1 || LastDownlinkRx1(h), "the answer's downlink was not in RX1");
            });
            Add("RX-02", "Downlink in RX2", "§3.3.2, RP002 §2.x.7", h =>
            {
                h.World.Network.ForceRx2 = true;
                string r = EchoWorks(h, "in RX2");
                h.World.Network.ForceRx2 = false;
                return r;
            });
            Add("RX-03", "RXTimingSetupReq: RX1 after 3 s", "§5.7", h =>
            {
                byte[] f = h.MacExchange(0x08, 0x03);
                if (Find(f, 0x08).Count == 0) return "no RXTimingSetupAns (FOpts " + Bytes(f) + ")";
                h.Session.RxDelaySeconds = 3;
                return EchoWorks(h, "with RECEIVE_DELAY1 3 s");
            });
            Add("RX-04", "RXParamSetupReq: RX1DROffset applied", "§5.4, RP002 RX1 data-rate tables", h =>
            {
                int offset = Rx1OffsetFor(h.RegionName);
                byte[] f = h.MacExchange(RxParamSetup(offset, h.Session.Rx2DataRate, Rx2FrequencyFor(h)));
                if (Status(f, 0x05, 0x07, "RXParamSetupAns") is string e) return e;
                h.Session.Rx1DrOffset = offset;
                return EchoWorks(h, "in RX1 with RX1DROffset " + offset);
            });
            Add("RX-05", "RXParamSetupReq: RX2 data rate applied", "§5.4", h =>
            {
                int dr = Rx2RateFor(h.RegionName);
                byte[] f = h.MacExchange(RxParamSetup(0, dr, Rx2FrequencyFor(h)));
                if (Status(f, 0x05, 0x07, "RXParamSetupAns") is string e) return e;
                h.Session.Rx2DataRate = dr;
                h.World.Network.ForceRx2 = true;
                string r = EchoWorks(h, "in RX2 at DR" + dr);
                h.World.Network.ForceRx2 = false;
                return r;
            });
            Add("RX-06", "RXParamSetupReq with an invalid frequency: NACK, nothing applied", "§5.4", h =>
            {
                byte[] f = h.MacExchange(RxParamSetup(1, Rx2RateFor(h.RegionName), 100000000));
                List<byte[]> a = Find(f, 0x05);
                if (a.Count == 0) return "no RXParamSetupAns";
                if ((a[0][0] & 0x01) != 0) return "channel ACKed for 100 MHz (status 0x" + a[0][0].ToString("X2") + ")";
                h.World.Network.ForceRx2 = true;
                string r = EchoWorks(h, "in the old RX2");
                h.World.Network.ForceRx2 = false;
                return r;
            });
            Add("RX-07", "RXTimingSetupAns repeated until a downlink arrives", "§5.7 (sticky answers, §4.3.1.6)", h =>
            {
                byte[] f = h.MacExchange(0x08, 0x01);
                if (Find(f, 0x08).Count == 0) return "no RXTimingSetupAns";
                UplinkRecord next = h.WaitUplink(h.Uplinks.Count, r => true, 30000);
                byte[] fo = next == null ? null : next.FOpts.AsSpan(0, next.FOptsLength).ToArray();
                return Expect(Find(fo, 0x08).Count > 0, "the uplink after the answer did not repeat it (FOpts " + Bytes(fo) + ")");
            });
            Add("RX-08", "RX1 downlinks ±80 % of the device's timing margin off RECEIVE_DELAY1 are received", "§3.3.1 (RX1 at RECEIVE_DELAY1), LoRaWanOptions.TimingErrorUs", h =>
            {
                // The device declares the timing error its windows cover (TimingErrorUs, 30 ms by default): a downlink whose
                // preamble starts within that error of the instant RECEIVE_DELAY1 names must be received, early or late.
                ulong shiftUs = (ulong)(h.Options.TimingErrorUs * 4 / 5);
                h.World.Network.AdvanceDownlinks(1, shiftUs);
                if (EchoWorks(h, "in RX1 " + shiftUs / 1000 + " ms early") is string early) return early;
                if (!LastDownlinkRx1(h)) return "the early echo was not sent in RX1";
                h.World.Network.DelayDownlinks(1, shiftUs);
                if (EchoWorks(h, "in RX1 " + shiftUs / 1000 + " ms late") is string late) return late;
                return Expect(LastDownlinkRx1(h), "the late echo was not sent in RX1");
            });

            // MAC commands (LoRaWAN 1.0.4 §5).
            Add("MAC-01", "DevStatusReq answered", "§5.5", h =>
            {
                List<byte[]> a = Find(h.MacExchange(0x06), 0x06);
                if (a.Count == 0) return "no DevStatusAns";
                int margin = (a[0][1] & 0x20) != 0 ? (a[0][1] & 0x3F) - 64 : a[0][1] & 0x3F;
                return Expect((a[0][1] & 0xC0) == 0 && margin >= -32 && margin <= 31, "margin octet 0x" + a[0][1].ToString("X2"));
            });
            Add("MAC-02", "DutyCycleReq answered", "§5.3", h => Expect(Find(h.MacExchange(0x04, 0x00), 0x04).Count == 1, "no DutyCycleAns"));
            Add("MAC-03", "LinkADRReq: data rate, power, channels applied", "§5.2, RP002 §2.x.5", h =>
            {
                int dr = RegionFacts.AdrTargetDataRate(h.RegionName);
                byte[] f = h.MacExchange(LinkAdr(h.RegionName, dr, 1, 1));
                List<byte[]> a = Find(f, 0x03);
                if (a.Count == 0) return "no LinkADRAns";
                foreach (byte[] s in a) if (s[0] != 0x07) return "LinkADRAns status 0x" + s[0].ToString("X2");
                UplinkRecord u = h.WaitUplink(h.Uplinks.Count, r => true, 30000);
                return Expect(u != null && u.DataRate == dr, "next uplink at DR" + u?.DataRate + ", expected DR" + dr);
            });
            Add("MAC-04", "LinkADRReq with an undefined data rate: NACK, nothing applied", "§5.2", h =>
            {
                int before = h.Uplinks.Last.DataRate;
                byte[] f = h.MacExchange(LinkAdr(h.RegionName, 14, 1, 1));
                List<byte[]> a = Find(f, 0x03);
                if (a.Count == 0) return "no LinkADRAns";
                if ((a[0][0] & 0x02) != 0) return "DR 14 ACKed (status 0x" + a[0][0].ToString("X2") + ")";
                UplinkRecord u = h.WaitUplink(h.Uplinks.Count, r => true, 30000);
                return Expect(u != null && u.DataRate == before, "data rate changed to DR" + u?.DataRate);
            });
            Add("MAC-05", "LinkADRReq disabling every channel: ChMask NACK", "§5.2, RP002 §2.x.5", h =>
            {
                byte[] req = RegionFacts.IsFixed(h.RegionName) ? new byte[] { 0x03, 0x21, 0x00, 0x00, 0x71 } : new byte[] { 0x03, 0x21, 0x00, 0x00, 0x01 };
                List<byte[]> a = Find(h.MacExchange(req), 0x03);
                if (a.Count == 0) return "no LinkADRAns";
                if ((a[0][0] & 0x01) != 0) return "empty channel mask ACKed (status 0x" + a[0][0].ToString("X2") + ")";
                return EchoWorks(h, "after the refused mask");
            });
            Add("MAC-06", "LinkADRReq with an undefined TXPower: power NACK", "§5.2, RP002 TX power tables", h =>
            {
                List<byte[]> a = Find(h.MacExchange(0x03, 0x2E, 0x03, 0x00, 0x01), 0x03);
                if (a.Count == 0) return "no LinkADRAns";
                return Expect((a[0][0] & 0x04) == 0, "TXPower 14 ACKed (status 0x" + a[0][0].ToString("X2") + ")");
            }, Dynamic);
            Add("MAC-07", "LinkADRReq block: one answer per request, applied as one", "§5.2 (contiguous block)", h =>
            {
                int dr = RegionFacts.AdrTargetDataRate(h.RegionName);
                byte drPow = (byte)((dr << 4) | 1);
                byte[] block = RegionFacts.IsFixed(h.RegionName) ? LinkAdr(h.RegionName, dr, 1, 1)
                    : new byte[] { 0x03, drPow, 0x01, 0x00, 0x01, 0x03, drPow, 0x03, 0x00, 0x01 };
                List<byte[]> a = Find(h.MacExchange(block), 0x03);
                if (a.Count != 2) return a.Count + " LinkADRAns for 2 requests";
                if (a[0][0] != 0x07 || a[1][0] != 0x07) return "statuses 0x" + a[0][0].ToString("X2") + ", 0x" + a[1][0].ToString("X2");
                UplinkRecord u = h.WaitUplink(h.Uplinks.Count, r => true, 30000);
                return Expect(u != null && u.DataRate == dr, "next uplink at DR" + u?.DataRate);
            });
            Add("MAC-08", "LinkADRReq block with a bad last mask: whole block refused", "§5.2 (block)", h =>
            {
                int before = h.Uplinks.Last.DataRate;
                int dr = RegionFacts.AdrTargetDataRate(h.RegionName) == before ? 1 : RegionFacts.AdrTargetDataRate(h.RegionName);
                byte drPow = (byte)((dr << 4) | 1);
                byte[] block = RegionFacts.IsFixed(h.RegionName)
                    ? new byte[] { 0x03, drPow, 0x00, 0xFF, 0x01, 0x03, drPow, 0x00, 0x00, 0x71 }
                    : new byte[] { 0x03, drPow, 0x03, 0x00, 0x01, 0x03, drPow, 0x00, 0x00, 0x01 };
                List<byte[]> a = Find(h.MacExchange(block), 0x03);
                if (a.Count == 0) return "no LinkADRAns";
                if ((a[a.Count - 1][0] & 0x01) != 0) return "an empty final mask ACKed";
                UplinkRecord u = h.WaitUplink(h.Uplinks.Count, r => true, 30000);
                return Expect(u != null && u.DataRate == before, "DR" + u?.DataRate + " applied from a refused block (was DR" + before + ")");
            });
            Add("MAC-09", "LinkADRReq NbTrans 2: every uplink sent twice", "§5.2, §4.3.1.1", h =>
            {
                int dr = RegionFacts.AdrTargetDataRate(h.RegionName);
                List<byte[]> a = Find(h.MacExchange(LinkAdr(h.RegionName, dr, 1, 2)), 0x03);
                if (a.Count == 0 || a[a.Count - 1][0] != 0x07) return "LinkADRReq NbTrans 2 not accepted";
                int from = h.Uplinks.Count;
                int retx = h.World.Network.Counters.Retransmissions + h.World.Network.Counters.Duplicates;
                h.Run(30000);
                return Expect(h.World.Network.Counters.Retransmissions + h.World.Network.Counters.Duplicates > retx, "no repeated FCnt in 30 s with NbTrans 2");
            });
            Add("MAC-10", "NewChannelReq adds a channel", "§5.6, RP002 §2.x.2", h =>
                Status(h.MacExchange(NewChannel(3, RegionFacts.ExtraChannelHz(h.RegionName))), 0x07, 0x03, "NewChannelAns"), Dynamic);
            Add("MAC-11", "NewChannelReq out of band: NACK", "§5.6", h =>
            {
                List<byte[]> a = Find(h.MacExchange(NewChannel(3, RegionFacts.OutOfBandHz(h.RegionName))), 0x07);
                if (a.Count == 0) return "no NewChannelAns";
                return Expect((a[0][0] & 0x01) == 0, "out-of-band frequency ACKed");
            }, Dynamic);
            Add("MAC-12", "NewChannelReq ignored in a fixed-channel plan", "RP002 §2.5.2 / certification: silently dropped", h =>
                Expect(Find(h.MacExchange(NewChannel(3, 903000000)), 0x07).Count == 0, "NewChannelAns sent in a fixed plan"), RegionFacts.IsFixed);
            Add("MAC-13", "DlChannelReq on a default channel", "§5.8", h =>
            {
                uint f = h.Mac.Session.Plan.GetFrequency(0) / 100;
                return Status(h.MacExchange(0x0A, 0x00, (byte)f, (byte)(f >> 8), (byte)(f >> 16)), 0x0A, 0x03, "DlChannelAns");
            }, Dynamic);
            Add("MAC-14", "TxParamSetupReq answered where the region defines it", "§5.10, RP002 §2.x (AS923)", h =>
                Expect(Find(h.MacExchange(0x09, 0x0D), 0x09).Count == 1, "no TxParamSetupAns"), r => r.StartsWith("AS923"));
            Add("MAC-15", "TxParamSetupReq ignored where the region does not define it", "RP002 §2.x.4", h =>
                Expect(Find(h.MacExchange(0x09, 0x0D), 0x09).Count == 0, "TxParamSetupAns sent"), r => !r.StartsWith("AS923"));
            Add("MAC-16", "An unknown CID ends the FOpts; the DUT carries on", "§5 (unknown command: rest ignored)", h =>
            {
                h.MacExchange(0x80, 0x06);
                return EchoWorks(h, "after an unknown CID");
            });

            // Confirmed frames (§4.3.1.2, §18).
            Add("CNF-01", "A confirmed downlink is acknowledged", "§4.3.1.2", h =>
            {
                int from = h.Uplinks.Count;
                h.Send224(new byte[] { 0x00 }, true);
                UplinkRecord u = h.WaitUplink(from, r => r.FPort == 224 && r.PayloadLength > 0, 30000);
                return Expect(u != null && u.Ack, "the answer to a confirmed downlink has no ACK bit");
            });
            Add("CNF-02", "A confirmed uplink without ACK is retransmitted (NbTrans 2) with its FCnt", "§4.3.1.2, §19", h =>
            {
                // LoRaWAN 1.0.4 §4.3.1.2: a confirmed uplink is transmitted up to NbTrans times; NbTrans 2 by LinkADRReq first.
                List<byte[]> a = Find(h.MacExchange(LinkAdr(h.RegionName, RegionFacts.AdrTargetDataRate(h.RegionName), 1, 2)), 0x03);
                if (a.Count == 0 || a[a.Count - 1][0] != 0x07) return "LinkADRReq NbTrans 2 not accepted";
                h.Deliver224(new byte[] { 0x07, 0x02 });
                if (h.WaitUplink(h.Uplinks.Count, r => r.Confirmed, 30000) == null) return "no confirmed uplink";
                int retx = h.World.Network.Counters.Retransmissions;
                h.World.Network.DropDownlinks(1);
                h.Run(30000);
                return Expect(h.World.Network.Counters.Retransmissions > retx, "no retransmission after a lost ACK");
            });
            Add("CNF-03", "FPending: the queued downlinks all arrive", "§4.3.1.4", h =>
            {
                h.Exchange(new byte[] { 0x0A });
                h.Send224(new byte[] { 0x00 });
                h.Send224(new byte[] { 0x00 });
                h.Run(30000);
                return ExpectAnswer(h.Exchange(new byte[] { 0x09 }), new byte[] { 0x09, 0x03, 0x00 });
            });

            // Payload sizes (RP002-1.0.4 maximum payload tables).
            Add("PL-01", "EchoPayloadReq at the data rate's largest payload", "RP002 §2.x.6, TS009 §5.9", h =>
            {
                int max = h.Mac.MaxPayload;
                var data = new byte[max - 1];
                for (int i = 0; i < data.Length; i++) data[i] = (byte)i;
                byte[] a = Echo(h, data);
                return Expect(a != null && a.Length == max && a[max - 1] == (byte)(max - 1), "echo of " + (max - 1) + " octets: answer of " + (a == null ? 0 : a.Length));
            });

            // Class C (LoRaWAN 1.0.4 §15; TS009 §5.4 SwitchClassReq: Class 0 = A, 2 = C).
            Add("CLS-01", "SwitchClassReq C: a downlink between uplinks arrives in RXC; back to A: it does not", "TS009 §5.4, §15", h =>
            {
                if (!Deliver224Slow(h, new byte[] { 0x06, 0x07 })) return "TxPeriodicityChangeReq (60 s) not sent";
                if (!Deliver224Slow(h, new byte[] { 0x03, 0x02 })) return "SwitchClassReq C not sent";
                h.World.Network.SetClassC(h.NetworkDevice, true);   // the tester may send at any time from now on
                if (!EchoBetweenUplinks(h, 0x30, out byte[] a)) return "the echo was not sent in RXC";
                if (ExpectAnswer(a, new byte[] { 0x08, 0x31 }) is string e) return "Class C: " + e;
                if (!Deliver224Slow(h, new byte[] { 0x03, 0x00 })) return "SwitchClassReq A not sent";
                if (!EchoBetweenUplinks(h, 0x40, out a)) return "the second echo was not sent in RXC";
                return Expect(a == null, "Class A again, yet a downlink between the windows was answered: " + Bytes(a));
            });

            // ADR (§4.3.1.1).
            Add("ADR-01", "ADRACKReq after ADR_ACK_LIMIT uplinks without a downlink", "§4.3.1.1", h =>
            {
                h.Send224(new byte[] { 0x06, 0x01 });   // every 5 s
                int from = h.Uplinks.Count;
                UplinkRecord u = h.WaitUplink(from, r => r.AdrAckReq, 80 * 6000);
                return Expect(u != null, "no ADRACKReq in 80 uplinks without downlink");
            });
        }

        /// <summary>Sends a TS009 command and waits (up to 70 s: test uplinks may be 60 s apart) until the network sent it, then 3 s more.</summary>
        static bool Deliver224Slow(Harness h, byte[] command)
        {
            h.Send224(command);
            bool sent = h.RunUntil(() => h.NetworkDevice.QueueLength == 0, 70000);
            h.Run(3000);
            return sent;
        }

        /// <summary>
        /// 5 s after a test uplink (its RX1 and RX2 are over; the next one is 55 s away) queues EchoPayloadReq; true when the
        /// network sent it in RXC. <paramref name="answer"/>: the FPort 224 answer within 10 s, or null.
        /// </summary>
        static bool EchoBetweenUplinks(Harness h, byte value, out byte[] answer)
        {
            answer = null;
            if (h.WaitUplink(h.Uplinks.Count, r => true, 70000) == null) return false;
            h.Run(5000);
            int downs = h.Downlinks.Count;
            int from = h.Uplinks.Count;
            h.Send224(new byte[] { CertificationCommand.EchoPayloadReq, value });
            UplinkRecord r = h.WaitUplink(from, u => u.FPort == ClassAMac.CertificationFPort && u.PayloadLength > 0, 10000);
            if (r != null) answer = Harness.Payload(r);
            for (int i = downs; i < h.Downlinks.Count; i++)
                if (h.Downlinks[i].Window == RxWindow.RxC) return true;
            return false;
        }

        static bool LastDownlinkRx1(Harness h) => h.Downlinks.Count > 0 && h.Downlinks[h.Downlinks.Count - 1].Window == RxWindow.Rx1;

        static byte[] NewChannel(int index, uint frequencyHz)
        {
            uint f = frequencyHz / 100;
            return new byte[] { 0x07, (byte)index, (byte)f, (byte)(f >> 8), (byte)(f >> 16), 0x50 };
        }
    }
}
