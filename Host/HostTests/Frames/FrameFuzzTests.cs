using System;
using LoRaWan.Frames;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Frames
{
    /// <summary>
    /// The receive path against hostile input: 100,000 random byte strings and 100,000 mutations of valid
    /// frames through the downlink parser, the uplink parser and the MAC command reader. Nothing may throw,
    /// every Ok result must describe fields inside the input, and after warm-up the parse path allocates 0 bytes.
    /// </summary>
    [TestClass]
    public class FrameFuzzTests
    {
        const int Cases = 100_000;
        const int Slot = 256; // each case lives in its own 256-byte slot of one big buffer

        static byte[] _inputs;
        static int[] _lengths;
        static byte[] _mutated;
        static int[] _mutatedLengths;

        static readonly string[] Seeds =
        {
            "60F17DBE4920020001F9D65D27",                                   // unconfirmed down, ACK, FPort 1, no payload
            "A004030201B33412020701" + "0AAABB" + "DEADBEEF",               // confirmed down, FOpts, FPort 10
            "60DDCCBBAA000001" + "00" + "0352FF0001060801021403" + "11223344", // FPort 0 with MAC commands
            "20E3DE108795F776B8037610EF7869B5B3",                           // join-accept on air
            "40F17DBE4900020001954378762B11FF0D",                           // uplink (wrong direction for a device)
            "E0010203",                                                      // proprietary
        };

        [Setup]
        public void GenerateInputs()
        {
            var rng = new Random(20240404);
            _inputs = new byte[Cases * Slot];
            _lengths = new int[Cases];
            for (int i = 0; i < Cases; i++)
            {
                // Mostly short (where the structure is), some up to the full 255.
                int len = rng.Next(4) == 0 ? rng.Next(256) : rng.Next(40);
                _lengths[i] = len;
                rng.NextBytes(new Span<byte>(_inputs, i * Slot, len));
                // Bias a quarter of them towards valid MHDRs so the deeper checks run too.
                if (len > 0 && rng.Next(4) == 0) _inputs[i * Slot] = (byte)(rng.Next(8) << 5);
            }

            _mutated = new byte[Cases * Slot];
            _mutatedLengths = new int[Cases];
            var seeds = new byte[Seeds.Length][];
            for (int s = 0; s < Seeds.Length; s++) seeds[s] = Convert.FromHexString(Seeds[s]);
            for (int i = 0; i < Cases; i++)
            {
                byte[] seed = seeds[rng.Next(seeds.Length)];
                int o = i * Slot;
                Array.Copy(seed, 0, _mutated, o, seed.Length);
                int len = seed.Length;
                int flips = 1 + rng.Next(3);
                for (int f = 0; f < flips; f++) _mutated[o + rng.Next(len)] ^= (byte)(1 << rng.Next(8));
                switch (rng.Next(4))
                {
                    case 0: len = rng.Next(len + 1); break;                        // truncate
                    case 1: len = Math.Min(Slot - 1, len + rng.Next(20)); break;  // extend with zeros / junk
                }
                _mutatedLengths[i] = len;
            }
        }

        [TestMethod]
        public void RandomBytes_NeverThrowAndOkFramesStayInBounds()
        {
            int ok = Run(_inputs, _lengths, out int violations, out string firstViolation);
            OutputHelper.WriteLine($"random: {ok} of {Cases} parsed Ok");
            Assert.AreEqual(0, violations, firstViolation);
        }

        [TestMethod]
        public void MutatedValidFrames_NeverThrowAndOkFramesStayInBounds()
        {
            int ok = Run(_mutated, _mutatedLengths, out int violations, out string firstViolation);
            OutputHelper.WriteLine($"mutated: {ok} of {Cases} parsed Ok");
            Assert.IsTrue(ok > Cases / 20, "the mutations still reach the deep checks (" + ok + " Ok)");
            Assert.AreEqual(0, violations, firstViolation);
        }

        [TestMethod]
        public void ParsePath_AllocatesNothingAfterWarmUp()
        {
            var data = new DataFrame();
            var jr = new JoinRequestFrame();
            var ja = new JoinAcceptFrame();
            var rj = new RejoinRequestFrame();
            var mac = new MacCommandReader();
            ParseAll(_mutated, _mutatedLengths, data, jr, ja, rj, mac); // warm-up: JIT, static constructors
            ParseAll(_inputs, _lengths, data, jr, ja, rj, mac);
            int sink = 0;
            long allocated = SteadyStateAllocation.Measure(null, () =>
                sink = ParseAll(_mutated, _mutatedLengths, data, jr, ja, rj, mac) + ParseAll(_inputs, _lengths, data, jr, ja, rj, mac), out string note);
            OutputHelper.WriteLine($"allocated {allocated} bytes over {2 * Cases} parses (checksum {sink}) {note}");
            Assert.AreEqual(0L, allocated, "bytes allocated on the parse path");
        }

        // Everything a device or network does with a received frame, without assertions (so nothing allocates).
        static int ParseAll(byte[] inputs, int[] lengths, DataFrame data, JoinRequestFrame jr, JoinAcceptFrame ja, RejoinRequestFrame rj, MacCommandReader mac)
        {
            int sink = 0;
            for (int i = 0; i < lengths.Length; i++)
            {
                int o = i * Slot, len = lengths[i];
                FrameResult r = PhyPayload.ReadDownlink(inputs, o, len, 242, data, out MType mtype);
                sink += (int)r;
                if (r == FrameResult.Ok && (mtype == MType.UnconfirmedDataDown || mtype == MType.ConfirmedDataDown))
                {
                    mac.Validate(inputs, data.FOptsOffset, data.FOptsLength, true, out int c1);
                    if (data.FPort == 0) mac.Validate(inputs, data.FrmPayloadOffset, data.FrmPayloadLength, true, out c1);
                    sink += c1;
                }
                sink += (int)ja.Read(inputs, o, len);
                sink += (int)PhyPayload.ReadUplink(inputs, o, len, 0, data, jr, rj, out mtype);
                sink += (int)mac.Validate(inputs, o, len, true, out int c2) + c2;
                sink += (int)mac.Validate(inputs, o, len, false, out c2) + c2;
            }
            return sink;
        }

        static int Run(byte[] inputs, int[] lengths, out int violations, out string first)
        {
            var data = new DataFrame();
            var jr = new JoinRequestFrame();
            var ja = new JoinAcceptFrame();
            var rj = new RejoinRequestFrame();
            var mac = new MacCommandReader();
            violations = 0;
            first = "no violation";
            int ok = 0;
            for (int i = 0; i < lengths.Length; i++)
            {
                int o = i * Slot, len = lengths[i];
                string problem = null;
                try
                {
                    FrameResult r = PhyPayload.ReadDownlink(inputs, o, len, 0, data, out MType mtype);
                    if (r == FrameResult.Ok)
                    {
                        ok++;
                        if (mtype == MType.UnconfirmedDataDown || mtype == MType.ConfirmedDataDown)
                        {
                            problem = CheckBounds(data, o, len);
                            if (problem == null) problem = CheckMac(mac, inputs, data.FOptsOffset, data.FOptsLength);
                            if (problem == null && data.FPort == 0) problem = CheckMac(mac, inputs, data.FrmPayloadOffset, data.FrmPayloadLength);
                        }
                        else if (mtype == MType.JoinAccept && len != 17 && len != 33) problem = "join-accept of " + len + " bytes accepted";
                        else if (mtype != MType.Proprietary && mtype != MType.JoinAccept) problem = "uplink type " + mtype + " accepted on the downlink";
                    }
                    ja.Read(inputs, o, len);
                    PhyPayload.ReadUplink(inputs, o, len, 0, data, jr, rj, out mtype);
                    if (problem == null) problem = CheckMac(mac, inputs, o, len);
                }
                catch (Exception e)
                {
                    problem = e.GetType().Name + ": " + e.Message;
                }
                if (problem != null)
                {
                    if (violations == 0) first = $"case {i} ({Convert.ToHexString(inputs, o, len)}): {problem}";
                    violations++;
                }
            }
            return ok;
        }

        static string CheckBounds(DataFrame f, int o, int len)
        {
            int end = o + len;
            if (f.Length != len || f.Offset != o) return "frame bounds";
            if (f.FOptsOffset != o + 8 || f.FOptsOffset + f.FOptsLength > f.MicOffset) return "FOpts outside the frame";
            if (f.FrmPayloadLength < 0 || f.FrmPayloadOffset + f.FrmPayloadLength > f.MicOffset) return "FRMPayload outside the frame";
            if (f.MicOffset != end - 4) return "MIC not at the end";
            if (f.FPort == DataFrame.NoPort && f.FrmPayloadLength != 0) return "payload without FPort";
            if (f.FPort == 0 && f.FOptsLength != 0) return "FPort 0 with FOpts";
            return null;
        }

        static string CheckMac(MacCommandReader mac, byte[] b, int offset, int length)
        {
            mac.Reset(b, offset, length, true);
            int last = offset;
            while (mac.MoveNext())
            {
                if (mac.CommandOffset != last) return "commands not contiguous";
                if (mac.PayloadOffset + mac.PayloadLength > offset + length) return "command past the end";
                last = mac.PayloadOffset + mac.PayloadLength;
            }
            if (mac.Consumed != last - offset || mac.Consumed > length) return "consumed count wrong";
            if (mac.Status == MacCommandStatus.End && mac.Consumed != length) return "End before the end";
            return null;
        }
    }
}
