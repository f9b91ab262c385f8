using System;
using LoRaWan.Crypto;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Crypto
{
    /// <summary>
    /// Every LoRaWAN crypto operation against <see cref="LoRaWanOracle"/> (rebuilt from the spec on .NET's
    /// AES) for random keys, addresses, counters (biased to the 16/32-bit edges) and lengths 0..242.
    /// </summary>
    [TestClass]
    public class LoRaWanOracleTests
    {
        const int Cases = 2000;

        static string Hex(byte[] b) => Convert.ToHexString(b);

        static byte[] RandomBytes(Random rng, int n)
        {
            var b = new byte[n];
            rng.NextBytes(b);
            return b;
        }

        static uint RandomCounter(Random rng)
        {
            switch (rng.Next(6))
            {
                case 0: return (uint)rng.Next(0, 3);
                case 1: return 0xFFFFu + (uint)rng.Next(-2, 3);
                case 2: return 0xFFFFFFFFu - (uint)rng.Next(0, 3);
                case 3: return 0x00FFFFFFu + (uint)rng.Next(0, 3);
                default: return (uint)rng.NextInt64(0, 0x100000000L);
            }
        }

        static int RandomLength(Random rng, int max)
        {
            int[] edges = { 0, 1, 15, 16, 17, 31, 32, 33, max - 1, max };
            return rng.Next(3) == 0 ? edges[rng.Next(edges.Length)] : rng.Next(0, max + 1);
        }

        [TestMethod]
        public void FrmPayload_RandomInputs_MatchTheOracle()
        {
            var rng = new Random(433);
            var cipher = new PayloadCipher();
            for (int n = 0; n < Cases; n++)
            {
                byte[] key = RandomBytes(rng, 16);
                var dir = (FrameDirection)rng.Next(2);
                uint devAddr = (uint)rng.NextInt64(0, 0x100000000L), fCnt = RandomCounter(rng);
                int length = RandomLength(rng, 242);
                byte[] plain = RandomBytes(rng, length);
                byte[] expected = LoRaWanOracle.FrmPayload(key, (byte)dir, devAddr, fCnt, plain);

                var buffer = new byte[length + 8];
                rng.NextBytes(buffer);
                byte[] before = (byte[])buffer.Clone();
                Array.Copy(plain, 0, buffer, 4, length);
                cipher.EncryptFrmPayload(key, 0, dir, devAddr, fCnt, buffer, 4, length);
                string ctx = $"case {n}: len {length} dir {dir} addr {devAddr:X8} fcnt {fCnt:X8}";
                Assert.AreEqual(Hex(expected), Hex(buffer[4..(4 + length)]), ctx);
                Assert.AreEqual(Hex(before[..4]) + Hex(before[(4 + length)..]), Hex(buffer[..4]) + Hex(buffer[(4 + length)..]), "guards, " + ctx);
                cipher.DecryptFrmPayload(key, 0, dir, devAddr, fCnt, buffer, 4, length);
                Assert.AreEqual(Hex(plain), Hex(buffer[4..(4 + length)]), "round trip, " + ctx);
            }
        }

        [TestMethod]
        public void FOpts_RandomInputs_MatchTheOracle()
        {
            var rng = new Random(1161);
            var cipher = new PayloadCipher();
            for (int n = 0; n < Cases; n++)
            {
                byte[] key = RandomBytes(rng, 16);
                var counter = (FCntType)rng.Next(3);
                byte frameType = counter == FCntType.AFCntDown ? (byte)2 : (byte)1;
                byte dir = counter == FCntType.FCntUp ? (byte)0 : (byte)1;
                uint devAddr = (uint)rng.NextInt64(0, 0x100000000L), fCnt = RandomCounter(rng);
                byte[] fopts = RandomBytes(rng, rng.Next(0, 16));
                byte[] expected = LoRaWanOracle.FOpts(key, frameType, dir, devAddr, fCnt, fopts);
                byte[] actual = (byte[])fopts.Clone();
                cipher.EncryptFOpts(key, 0, counter, devAddr, fCnt, actual, 0, actual.Length);
                Assert.AreEqual(Hex(expected), Hex(actual), $"case {n}: {counter} len {fopts.Length} fcnt {fCnt:X8}");
            }
        }

        [TestMethod]
        public void DataMic_10And11_RandomInputs_MatchTheOracle()
        {
            var rng = new Random(44);
            var dataMic = new DataMic();
            var mic = new byte[4];
            for (int n = 0; n < Cases; n++)
            {
                byte[] k1 = RandomBytes(rng, 16), k2 = RandomBytes(rng, 16);
                uint devAddr = (uint)rng.NextInt64(0, 0x100000000L), fCnt = RandomCounter(rng), confFCnt = RandomCounter(rng);
                byte txDr = (byte)rng.Next(16), txCh = (byte)rng.Next(256);
                byte[] msg = RandomBytes(rng, 8 + RandomLength(rng, 242));
                var dir = (FrameDirection)rng.Next(2);
                string ctx = $"case {n}: len {msg.Length} fcnt {fCnt:X8} conf {confFCnt:X8}";

                dataMic.Compute10(k1, 0, dir, devAddr, fCnt, msg, 0, msg.Length, mic, 0);
                Assert.AreEqual(Hex(LoRaWanOracle.DataMic10(k1, (byte)dir, devAddr, fCnt, msg)), Hex(mic), "1.0 " + ctx);

                dataMic.ComputeUplink11(k1, 0, k2, 0, confFCnt, txDr, txCh, devAddr, fCnt, msg, 0, msg.Length, mic, 0);
                Assert.AreEqual(Hex(LoRaWanOracle.UplinkMic11(k1, k2, confFCnt, txDr, txCh, devAddr, fCnt, msg)), Hex(mic), "1.1 up " + ctx);

                dataMic.ComputeDownlink11(k2, 0, confFCnt, devAddr, fCnt, msg, 0, msg.Length, mic, 0);
                Assert.AreEqual(Hex(LoRaWanOracle.DownlinkMic11(k2, confFCnt, devAddr, fCnt, msg)), Hex(mic), "1.1 down " + ctx);

                // Verify accepts the frame with its MIC and rejects a one-bit change anywhere.
                byte[] frame = new byte[msg.Length + 4];
                Array.Copy(msg, frame, msg.Length);
                Array.Copy(mic, 0, frame, msg.Length, 4);
                Assert.IsTrue(dataMic.VerifyDownlink11(k2, 0, confFCnt, devAddr, fCnt, frame, 0, frame.Length), "verify " + ctx);
                frame[rng.Next(frame.Length)] ^= (byte)(1 << rng.Next(8));
                Assert.IsFalse(dataMic.VerifyDownlink11(k2, 0, confFCnt, devAddr, fCnt, frame, 0, frame.Length), "tampered " + ctx);
            }
        }

        [TestMethod]
        public void JoinAccept_RandomFrames_DecryptAndVerifyLikeTheOracleNetworkServer()
        {
            var rng = new Random(625);
            var join = new JoinCrypto();
            for (int n = 0; n < Cases; n++)
            {
                byte[] key = RandomBytes(rng, 16), jsIntKey = RandomBytes(rng, 16);
                bool cfList = rng.Next(2) == 1;
                bool optNeg = rng.Next(2) == 1;
                byte[] plain = RandomBytes(rng, cfList ? 29 : 13);
                plain[0] = 0x20;
                ulong joinEui = (ulong)rng.NextInt64();
                ushort devNonce = (ushort)rng.Next(65536);
                byte joinReqType = (byte)(rng.Next(4) == 0 ? rng.Next(3) : 0xFF);
                byte[] mic = optNeg
                    ? LoRaWanOracle.JoinAcceptMic11(jsIntKey, joinReqType, joinEui, devNonce, plain)
                    : LoRaWanOracle.Cmac(key, plain)[..4];
                byte[] plainWithMic = new byte[plain.Length + 4];
                Array.Copy(plain, plainWithMic, plain.Length);
                Array.Copy(mic, 0, plainWithMic, plain.Length, 4);
                byte[] air = LoRaWanOracle.EncryptJoinAccept(key, plainWithMic);

                string ctx = $"case {n}: cflist {cfList} optneg {optNeg}";
                Assert.IsTrue(join.DecryptJoinAccept(key, 0, air, 0, air.Length), ctx);
                Assert.AreEqual(Hex(plainWithMic), Hex(air), "decrypted " + ctx);
                bool ok = optNeg
                    ? join.VerifyJoinAcceptMic11(jsIntKey, 0, joinReqType, joinEui, devNonce, air, 0, air.Length)
                    : join.VerifyJoinAcceptMic10(key, 0, air, 0, air.Length);
                Assert.IsTrue(ok, "MIC " + ctx);

                var computed = new byte[4];
                if (optNeg) join.ComputeJoinAcceptMic11(jsIntKey, 0, joinReqType, joinEui, devNonce, plain, 0, plain.Length, computed, 0);
                else join.ComputeJoinAcceptMic10(key, 0, plain, 0, plain.Length, computed, 0);
                Assert.AreEqual(Hex(mic), Hex(computed), "compute " + ctx);
            }
        }

        [TestMethod]
        public void KeyDerivation_RandomInputs_MatchTheOracle()
        {
            var rng = new Random(6225);
            var kd = new KeyDerivation();
            var output = new byte[16];
            for (int n = 0; n < Cases; n++)
            {
                byte[] key = RandomBytes(rng, 16);
                byte type = (byte)rng.Next(1, 7);
                uint nonce = (uint)rng.Next(0, 0x1000000), netId = (uint)rng.Next(0, 0x1000000);
                ushort devNonce = (ushort)rng.Next(65536);
                ulong eui = (ulong)rng.NextInt64();
                kd.Derive10(key, 0, type, nonce, netId, devNonce, output, 0);
                Assert.AreEqual(Hex(LoRaWanOracle.Derive10(key, type, nonce, netId, devNonce)), Hex(output), $"1.0 case {n}");
                kd.Derive11(key, 0, type, nonce, eui, devNonce, output, 0);
                Assert.AreEqual(Hex(LoRaWanOracle.Derive11(key, type, nonce, eui, devNonce)), Hex(output), $"1.1 case {n}");
                kd.DeriveJoinServerKey(key, 0, type, eui, output, 0);
                Assert.AreEqual(Hex(LoRaWanOracle.DeriveJs(key, type, eui)), Hex(output), $"JS case {n}");
            }
        }

        [TestMethod]
        public void JoinRequestMic_RandomInputs_MatchTheOracle()
        {
            var rng = new Random(19);
            var join = new JoinCrypto();
            var mic = new byte[4];
            for (int n = 0; n < Cases; n++)
            {
                byte[] key = RandomBytes(rng, 16);
                byte[] frame = RandomBytes(rng, 23);
                join.ComputeRequestMic(key, 0, frame, 0, 19, mic, 0);
                Assert.AreEqual(Hex(LoRaWanOracle.Cmac(key, frame[..19])[..4]), Hex(mic), $"case {n}");
            }
        }
    }
}
