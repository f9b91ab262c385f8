using System;
using LoRaWan.Crypto;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Crypto
{
    /// <summary>
    /// After construction and a warm-up, the crypto allocates nothing: 1000 operations of each kind leave
    /// GC.GetAllocatedBytesForCurrentThread unchanged (measured by <see cref="SteadyStateAllocation"/>).
    /// </summary>
    [TestClass]
    public class CryptoAllocationTests
    {
        const int Ops = 1000;

        delegate void Op(int i);

        static long Measure(Op op)
        {
            for (int i = 0; i < 50; i++) op(i); // warm-up (JIT, static constructors)
            long bytes = SteadyStateAllocation.Measure(null, () =>
            {
                for (int i = 0; i < Ops; i++) op(i);
            }, out string note);
            if (note.Length > 0) OutputHelper.WriteLine(note);
            return bytes;
        }

        [TestMethod]
        public void Aes128_EncryptBlock_AllocatesNothing()
        {
            var aes = new Aes128();
            aes.SetKey(new byte[16], 0);
            var block = new byte[16];
            Assert.AreEqual(0L, Measure(i => aes.EncryptBlock(block, 0, block, 0)));
        }

        [TestMethod]
        public void Aes128_KeyExpansion_AllocatesNothing()
        {
            var aes = new Aes128();
            var key = new byte[16];
            Assert.AreEqual(0L, Measure(i => { key[0] = (byte)i; aes.SetKey(key, 0); }));
        }

        [TestMethod]
        public void AesCmac_64ByteMessage_AllocatesNothing()
        {
            var cmac = new AesCmac();
            var key = new byte[16];
            var message = new byte[64];
            var mac = new byte[16];
            Assert.AreEqual(0L, Measure(i =>
            {
                key[0] = (byte)(i & 1); // alternate keys: expansion + subkeys included
                cmac.SetKey(key, 0);
                cmac.Update(message, 0, 64);
                cmac.Final(mac, 0);
            }));
        }

        [TestMethod]
        public void Uplink_MicAndEncrypt51Bytes_10And11_AllocateNothing()
        {
            var cipher = new PayloadCipher();
            var dataMic = new DataMic();
            byte[] appSKey = new byte[16], nwkSKey = new byte[16], sKey = new byte[16];
            appSKey[0] = 1; sKey[0] = 2;
            var frame = new byte[9 + 51 + 4];
            Assert.AreEqual(0L, Measure(i =>
            {
                cipher.EncryptFrmPayload(appSKey, 0, FrameDirection.Uplink, 0x26011234, (uint)i, frame, 9, 51);
                dataMic.Compute10(nwkSKey, 0, FrameDirection.Uplink, 0x26011234, (uint)i, frame, 0, 60, frame, 60);
            }), "1.0");
            Assert.AreEqual(0L, Measure(i =>
            {
                cipher.EncryptFOpts(nwkSKey, 0, FCntType.FCntUp, 0x26011234, (uint)i, frame, 8, 1);
                cipher.EncryptFrmPayload(appSKey, 0, FrameDirection.Uplink, 0x26011234, (uint)i, frame, 9, 51);
                dataMic.ComputeUplink11(sKey, 0, nwkSKey, 0, 7, 5, 2, 0x26011234, (uint)i, frame, 0, 60, frame, 60);
                dataMic.VerifyDownlink11(sKey, 0, 3, 0x26011234, (uint)i, frame, 0, 64);
            }), "1.1");
        }

        [TestMethod]
        public void Join_DecryptVerifyDerive_AllocateNothing()
        {
            var join = new JoinCrypto();
            var kd = new KeyDerivation();
            var key = new byte[16];
            var frame = new byte[33];
            var output = new byte[16];
            Assert.AreEqual(0L, Measure(i =>
            {
                join.DecryptJoinAccept(key, 0, frame, 0, 33);
                join.VerifyJoinAcceptMic11(key, 0, 0xFF, 0x70B3D57ED0000000, (ushort)i, frame, 0, 33);
                kd.Derive11(key, 0, SessionKeyType.SNwkSIntKey, 1, 2, (ushort)i, output, 0);
                kd.DeriveJoinServerKey(key, 0, SessionKeyType.JSIntKey, 3, output, 0);
            }));
        }
    }
}
