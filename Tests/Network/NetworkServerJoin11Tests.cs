using System;
using LoRaWan.Crypto;
using LoRaWan.Frames;
using LoRaWan.Simulation;
using LoRaWan.Tests.Crypto;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Network
{
    /// <summary>
    /// The join server of the network model for LoRaWAN 1.1 devices (LoRaWAN 1.1 §6.1.1, §6.2): Join-request MIC with
    /// NwkKey, DevNonce a counter, the Join-accept with OptNeg = 1 (encrypted with NwkKey, MIC with JSIntKey over
    /// JoinReqType | JoinEUI | DevNonce | accept) and the four session keys, or with OptNeg = 0 when the network
    /// answers as 1.0 (<see cref="NetworkOptions.OptNeg"/>). Expected keys: The Things Stack's pkg/crypto key-derivation
    /// vectors (shared/VECTORS.md): key BEC499C69E9C939E413B663961636C61, DevNonce 7369, NetID 020101, JoinNonce AE3B1C,
    /// JoinEUI 0000001223224242, DevEUI 0042004213424341.
    /// </summary>
    [TestClass]
    public class NetworkServerJoin11Tests
    {
        const ulong DevEui = 0x0042004213424341;
        const ulong JoinEui = 0x0000001223224242;
        const string Key = "BEC499C69E9C939E413B663961636C61";
        const string OtherAppKey = "2B7E151628AED2A6ABF7158809CF4F3C";
        const ushort DevNonce = 0x7369;
        const ulong End = 10000000;

        static NetworkBench Bench(NetworkOptions options, string appKey, out TestEndDevice device)
        {
            if (options == null) options = new NetworkOptions();
            options.NetId = 0x020101;
            var bench = new NetworkBench("EU868", options);
            NetworkDevice d = bench.Server.AddOtaaDevice11(DevEui, JoinEui, TestHex.Bytes(Key), TestHex.Bytes(appKey));
            d.LastJoinNonce = 0xAE3B1B;   // the next Join-accept carries JoinNonce AE3B1C
            device = TestEndDevice.Otaa11(DevEui, JoinEui, TestHex.Bytes(Key), TestHex.Bytes(appKey));
            return bench;
        }

        static byte[] Decrypt(byte[] onAir)
        {
            var plain = new byte[onAir.Length];
            Array.Copy(onAir, plain, onAir.Length);
            Assert.IsTrue(new JoinCrypto().DecryptJoinAccept(TestHex.Bytes(Key), 0, plain, 0, plain.Length));
            return plain;
        }

        [TestMethod]
        public void OptNeg1_JoinAcceptMicWithJsIntKey_SessionKeysAreTheTtsVectors()
        {
            TestEndDevice dev;
            NetworkBench bench = Bench(null, Key, out dev);
            bench.Send(dev.JoinRequest(DevNonce), 868100000, 12, 125000, End);
            Assert.AreEqual(1, bench.Transmitter.Count, "one Join-accept");

            byte[] plain = Decrypt(bench.Transmitter[0].Bytes);
            Assert.AreEqual("1C3BAE", TestHex.Of(plain, 1, 3), "JoinNonce AE3B1C, little-endian");
            Assert.AreEqual(0x80, plain[11] & 0x80, "DLSettings bit 7: OptNeg");
            // MIC over 0xFF | JoinEUI | DevNonce | MHDR .. CFList with the vector's JSIntKey (not derived here).
            Assert.IsTrue(new JoinCrypto().VerifyJoinAcceptMic11(TestHex.Bytes("CB8E9EE114C3FB5CE472A5AA13AB1855"), 0, 0xFF, JoinEui, DevNonce, plain, 0, plain.Length),
                "the 1.1 Join-accept MIC with JSIntKey");
            Assert.IsFalse(new JoinCrypto().VerifyJoinAcceptMic10(TestHex.Bytes(Key), 0, plain, 0, plain.Length), "not the 1.0 MIC");

            NetworkSession s = bench.Server.GetDevice(0).PendingSession;
            Assert.IsTrue(s.Is11);
            Assert.AreEqual("379084E7CE22FF191BFF4B77536F2AA3", TestHex.Of(s.FNwkSIntKey));
            Assert.AreEqual("63C59309D53485BC5164DBF71627AEB9", TestHex.Of(s.SNwkSIntKey));
            Assert.AreEqual("CE07A009A3970AC0519A099ED53E550B", TestHex.Of(s.NwkSEncKey));
            Assert.AreEqual("B035CCE24E4A040EB5CECBF21724412D", TestHex.Of(s.AppSKey));
            Assert.IsTrue(s.NeedsRekeyInd);
            Assert.IsTrue(dev.AcceptJoin(bench.Transmitter[0].Bytes, DevNonce), "the scripted 1.1 device accepts it");
            Assert.IsTrue(dev.Is11);
        }

        [TestMethod]
        public void OptNeg1_NwkKeyAndAppKeySeparated_AppSKeyFromAppKeyOnly()
        {
            TestEndDevice dev;
            NetworkBench bench = Bench(null, OtherAppKey, out dev);
            bench.Send(dev.JoinRequest(DevNonce), 868100000, 12, 125000, End);
            Assert.IsTrue(dev.AcceptJoin(bench.Transmitter[0].Bytes, DevNonce));
            NetworkSession s = bench.Server.GetDevice(0).PendingSession;
            Assert.AreEqual("379084E7CE22FF191BFF4B77536F2AA3", TestHex.Of(s.FNwkSIntKey), "network keys from NwkKey (the vector)");
            Assert.AreNotEqual("B035CCE24E4A040EB5CECBF21724412D", TestHex.Of(s.AppSKey), "not from NwkKey");
            Assert.AreEqual(TestHex.Of(dev.AppSKey), TestHex.Of(s.AppSKey), "AppSKey as the device derives it from AppKey");
        }

        [TestMethod]
        public void JoinRequest11_MicWithAppKeyInsteadOfNwkKey_Rejected()
        {
            TestEndDevice dev;
            NetworkBench bench = Bench(null, OtherAppKey, out dev);
            TestEndDevice wrong = TestEndDevice.Otaa(DevEui, JoinEui, TestHex.Bytes(OtherAppKey));
            bench.Send(wrong.JoinRequest(DevNonce), 868100000, 12, 125000, End);
            Assert.AreEqual(1, bench.Server.Counters.JoinRejectedMic);
            Assert.AreEqual(0, bench.Transmitter.Count);
        }

        [TestMethod]
        public void JoinRequest11_DevNonceMustIncrease()
        {
            TestEndDevice dev;
            NetworkBench bench = Bench(null, Key, out dev);
            bench.Send(dev.JoinRequest(5), 868100000, 12, 125000, End);
            bench.Send(dev.JoinRequest(5), 868100000, 12, 125000, End + 60000000);
            bench.Send(dev.JoinRequest(4), 868100000, 12, 125000, End + 120000000);
            bench.Send(dev.JoinRequest(6), 868100000, 12, 125000, End + 180000000);
            Assert.AreEqual(2, bench.Server.Counters.JoinRejectedDevNonceTooSmall, "LoRaWAN 1.1 §6.2.5: DevNonce is a counter");
            Assert.AreEqual(2, bench.Server.Counters.JoinAccepts);
            Decrypt(bench.Transmitter[1].Bytes);
            Assert.AreEqual("1D3BAE", TestHex.Of(Decrypt(bench.Transmitter[1].Bytes), 1, 3), "JoinNonce increases: AE3B1D");
        }

        [TestMethod]
        public void OptNeg0Switch_AnsweredAsA10Network_TheTts10KeysFromNwkKey()
        {
            var options = new NetworkOptions();
            options.OptNeg = false;
            TestEndDevice dev;
            NetworkBench bench = Bench(options, OtherAppKey, out dev);
            bench.Send(dev.JoinRequest(DevNonce), 868100000, 12, 125000, End);

            byte[] plain = Decrypt(bench.Transmitter[0].Bytes);
            Assert.AreEqual(0, plain[11] & 0x80, "OptNeg = 0");
            Assert.IsTrue(new JoinCrypto().VerifyJoinAcceptMic10(TestHex.Bytes(Key), 0, plain, 0, plain.Length), "the 1.0 MIC with NwkKey");

            NetworkSession s = bench.Server.GetDevice(0).PendingSession;
            Assert.IsFalse(s.Is11, "a 1.0 session");
            Assert.IsFalse(s.NeedsRekeyInd);
            // LoRaWAN 1.1 §6.2.3: the 1.0 derivation with NwkKey (the vector's 1.0 keys; the AppKey is not used).
            Assert.AreEqual("0DB924EE6AF90698E05FC7CE48303C01", TestHex.Of(s.NwkSKey));
            Assert.AreEqual("0DB924EE6AF90698E05FC7CE48303C01", TestHex.Of(s.SNwkSIntKey));
            Assert.AreEqual("0DB924EE6AF90698E05FC7CE48303C01", TestHex.Of(s.NwkSEncKey));
            Assert.AreEqual("8C1E0543A229088DE6F84E74BB46BD62", TestHex.Of(s.AppSKey));

            // The device falls back to 1.0 frames: a 1.0 uplink with LinkCheckReq in clear, no RekeyInd, is accepted.
            Assert.IsTrue(dev.AcceptJoin(bench.Transmitter[0].Bytes, DevNonce));
            Assert.IsFalse(dev.Is11);
            bench.Send(dev.Uplink(0, 1, new byte[] { 1 }, false, false, new byte[] { 0x02 }, 0), 868100000, 7, 125000, End + 30000000);
            Assert.AreEqual(1, bench.Server.Counters.UplinksAccepted);
            Assert.IsTrue(ReferenceEquals(s, bench.Server.GetDevice(0).Session), "the new session is active");
            Assert.IsTrue(dev.ReadDownlink(bench.Transmitter.Last.Bytes, 0));
            Assert.AreEqual("020F01", TestHex.Of(dev.DownlinkFOpts), "LinkCheckAns in clear (1.0 FOpts)");
        }

        [TestMethod]
        public void RekeyInd_NewSessionOnlyWithIt_OldSessionKeptUntilThen_RekeyConf()
        {
            TestEndDevice first;
            NetworkBench bench = Bench(null, OtherAppKey, out first);
            NetworkDevice device = bench.Server.GetDevice(0);
            bench.Send(first.JoinRequest(1), 868100000, 12, 125000, End);
            Assert.IsTrue(first.AcceptJoin(bench.Transmitter.Last.Bytes, 1));
            NetworkSession a = device.PendingSession;

            // Without RekeyInd the pending 1.1 session is not taken (The Things Stack drops the uplink).
            bench.Send(first.Uplink(0, 1, new byte[] { 1 }, false, false), 868100000, 7, 125000, End + 20000000);
            Assert.AreEqual(1, bench.Server.Counters.UplinksRejectedNoRekeyInd);
            Assert.IsTrue(ReferenceEquals(a, device.PendingSession));
            Assert.IsNull(device.Session);

            // RekeyInd (minor 1) in FOpts: the session switches and RekeyConf (minor 1) comes back, FOpts encrypted.
            bench.Send(first.Uplink(1, 1, new byte[] { 1 }, false, false, new byte[] { 0x0B, 0x01 }, 0), 868100000, 7, 125000, End + 40000000);
            Assert.IsTrue(ReferenceEquals(a, device.Session));
            Assert.IsNull(device.PendingSession);
            Assert.IsTrue(first.ReadDownlink(bench.Transmitter.Last.Bytes, 0, 0));
            Assert.AreEqual("0B01", TestHex.Of(first.DownlinkFOpts));
            Assert.AreEqual(1, bench.Server.MacCounters.RekeyConfsSent);

            // A second join: the old session keeps working until the device proves the new one with RekeyInd.
            TestEndDevice second = TestEndDevice.Otaa11(DevEui, JoinEui, TestHex.Bytes(Key), TestHex.Bytes(OtherAppKey));
            bench.Send(second.JoinRequest(2), 868100000, 12, 125000, End + 100000000);
            Assert.IsTrue(second.AcceptJoin(bench.Transmitter.Last.Bytes, 2));
            NetworkSession b = device.PendingSession;
            Assert.IsFalse(ReferenceEquals(a, b));
            bench.Send(first.Uplink(2, 1, new byte[] { 2 }, false, false), 868100000, 7, 125000, End + 120000000);
            Assert.AreEqual(2, bench.Server.Counters.UplinksAccepted, "the old session still works");
            bench.Send(second.Uplink(0, 1, new byte[] { 3 }, false, false), 868100000, 7, 125000, End + 140000000);
            Assert.AreEqual(2, bench.Server.Counters.UplinksRejectedNoRekeyInd);
            bench.Send(second.Uplink(1, 1, new byte[] { 3 }, false, false, new byte[] { 0x0B, 0x01 }, 0), 868100000, 7, 125000, End + 160000000);
            Assert.IsTrue(ReferenceEquals(b, device.Session));
            bench.Send(first.Uplink(3, 1, new byte[] { 4 }, false, false), 868100000, 7, 125000, End + 180000000);
            Assert.AreEqual(1, bench.Server.Counters.UplinksRejectedUnknownDevAddr, "the old session is gone");
        }

        [TestMethod]
        public void AddDevice_VersionMustMatchTheIdentity()
        {
            var bench = new NetworkBench("EU868", null);
            DeviceIdentity id11 = DeviceIdentity.Otaa11("0042004213424341", "0000001223224242", Key, OtherAppKey);
            DeviceIdentity id10 = DeviceIdentity.Otaa("0042004213424342", "0000001223224242", Key);
            Assert.ThrowsException(typeof(ArgumentException), () => bench.Server.AddDevice(id11, LoRaWanVersion.V1_0_4));
            Assert.ThrowsException(typeof(ArgumentException), () => bench.Server.AddDevice(id10, LoRaWanVersion.V1_1));
            Assert.ThrowsException(typeof(ArgumentException), () => bench.Server.AddOtaaDevice(0x42, JoinEui, TestHex.Bytes(Key), LoRaWanVersion.V1_1));
            NetworkDevice d = bench.Server.AddDevice(id11, LoRaWanVersion.V1_1);
            Assert.IsTrue(d.Is11);
            Assert.AreEqual(Key, TestHex.Of(d.NwkKey));
            Assert.AreEqual(OtherAppKey, TestHex.Of(d.AppKey));
            NetworkDevice abp = bench.Server.AddDevice(DeviceIdentity.Abp11("26011234", Key, OtherAppKey, Key, OtherAppKey), LoRaWanVersion.V1_1);
            Assert.IsTrue(abp.Session.Is11);
            Assert.AreEqual(OtherAppKey, TestHex.Of(abp.Session.SNwkSIntKey));
        }
    }
}
