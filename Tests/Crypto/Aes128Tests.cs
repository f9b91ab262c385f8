using System;
using LoRaWan.Crypto;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Crypto
{
    [TestClass]
    public class Aes128Tests
    {
        [TestMethod]
        public void EncryptBlock_MatchesFips197AppendixC1()
        {
            var aes = new Aes128();
            aes.SetKey(TestHex.Bytes("000102030405060708090A0B0C0D0E0F"), 0);
            byte[] output = new byte[16];
            aes.EncryptBlock(TestHex.Bytes("00112233445566778899AABBCCDDEEFF"), 0, output, 0);
            Assert.AreEqual("69C4E0D86A7B0430D8CDB78070B4C55A", TestHex.Of(output));
        }

        [TestMethod]
        public void EncryptBlock_MatchesFips197AppendixB()
        {
            // FIPS-197 Appendix B, the cipher example worked round by round.
            var aes = new Aes128();
            aes.SetKey(TestHex.Bytes("2B7E151628AED2A6ABF7158809CF4F3C"), 0);
            byte[] output = new byte[16];
            aes.EncryptBlock(TestHex.Bytes("3243F6A8885A308D313198A2E0370734"), 0, output, 0);
            Assert.AreEqual("3925841D02DC09FBDC118597196A0B32", TestHex.Of(output));
        }

        [TestMethod]
        public void EncryptBlock_InPlaceAndAtOffsets()
        {
            var aes = new Aes128();
            byte[] keyAt3 = TestHex.Bytes("FFFFFF 000102030405060708090A0B0C0D0E0F EE");
            aes.SetKey(keyAt3, 3);
            byte[] buffer = TestHex.Bytes("AAAAAA 00112233445566778899AABBCCDDEEFF 55");
            aes.EncryptBlock(buffer, 3, buffer, 3);
            Assert.AreEqual("AAAAAA" + "69C4E0D86A7B0430D8CDB78070B4C55A" + "55", TestHex.Of(buffer), "in place at offset 3, neighbours untouched");
        }

        [TestMethod]
        public void EncryptWords_IsTheBigEndianWordFormOfEncryptBlock()
        {
            var aes = new Aes128();
            aes.SetKey(TestHex.Bytes("000102030405060708090A0B0C0D0E0F"), 0);
            uint[] output = new uint[4];
            aes.EncryptWords(0x00112233, 0x44556677, 0x8899AABB, 0xCCDDEEFF, output);
            Assert.AreEqual(0x69C4E0D8u, output[0]);
            Assert.AreEqual(0x6A7B0430u, output[1]);
            Assert.AreEqual(0xD8CDB780u, output[2]);
            Assert.AreEqual(0x70B4C55Au, output[3]);
        }

        [TestMethod]
        public void SetKey_ReplacesThePreviousSchedule()
        {
            var aes = new Aes128();
            byte[] output = new byte[16];
            aes.SetKey(TestHex.Bytes("2B7E151628AED2A6ABF7158809CF4F3C"), 0);
            aes.SetKey(TestHex.Bytes("000102030405060708090A0B0C0D0E0F"), 0);
            aes.EncryptBlock(TestHex.Bytes("00112233445566778899AABBCCDDEEFF"), 0, output, 0);
            Assert.AreEqual("69C4E0D86A7B0430D8CDB78070B4C55A", TestHex.Of(output));
        }

        [TestMethod]
        public void IsKey_RecognisesOnlyTheCurrentKey()
        {
            var aes = new Aes128();
            byte[] key = TestHex.Bytes("000102030405060708090A0B0C0D0E0F");
            Assert.IsFalse(aes.IsKey(key, 0), "no key yet");
            Assert.IsTrue(aes.UseKey(key, 0), "first use expands");
            Assert.IsTrue(aes.IsKey(key, 0));
            Assert.IsFalse(aes.UseKey(key, 0), "same key is not expanded again");
            for (int i = 0; i < 16; i++)
            {
                byte[] other = TestHex.Bytes("000102030405060708090A0B0C0D0E0F");
                other[i] ^= 0x80;
                Assert.IsFalse(aes.IsKey(other, 0), "differs at byte " + i.ToString());
            }
            aes.Clear();
            Assert.IsFalse(aes.HasKey);
            Assert.IsFalse(aes.IsKey(key, 0), "cleared");
        }

        [TestMethod]
        public void EncryptBlock_WithoutKey_Throws()
        {
            var aes = new Aes128();
            byte[] block = new byte[16];
            Assert.ThrowsException(typeof(InvalidOperationException), () => aes.EncryptBlock(block, 0, block, 0));
        }
    }
}
