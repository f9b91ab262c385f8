using System;
using System.Security.Cryptography;
using LoRaWan.Crypto;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Crypto
{
    /// <summary>Aes128 and AesCmac against .NET's AES (and the RFC 4493 oracle built on it) for random input.</summary>
    [TestClass]
    public class AesOracleTests
    {
        static string Hex(byte[] b) => Convert.ToHexString(b);

        [TestMethod]
        public void Aes128_10000RandomKeysAndBlocks_MatchDotNetAesEcb()
        {
            var rng = new Random(4493);
            using var reference = Aes.Create();
            var ours = new Aes128();
            var key = new byte[16];
            var block = new byte[16];
            var expected = new byte[16];
            var buffer = new byte[40];
            for (int n = 0; n < 10000; n++)
            {
                rng.NextBytes(key);
                rng.NextBytes(block);
                reference.Key = key;
                reference.EncryptEcb(block, expected, PaddingMode.None);

                // at random offsets, sometimes in place
                int keyOffset = rng.Next(0, 24), inOffset = rng.Next(0, 24), outOffset = rng.Next(0, 24);
                rng.NextBytes(buffer);
                Array.Copy(key, 0, buffer, keyOffset, 16);
                ours.SetKey(buffer, keyOffset);
                var input = new byte[40];
                Array.Copy(block, 0, input, inOffset, 16);
                byte[] output = (n & 1) == 0 ? input : new byte[40];
                if ((n & 1) == 0) outOffset = inOffset;
                ours.EncryptBlock(input, inOffset, output, outOffset);
                var actual = new byte[16];
                Array.Copy(output, outOffset, actual, 0, 16);
                if (!actual.AsSpan().SequenceEqual(expected))
                    Assert.AreEqual(Hex(expected), Hex(actual), $"case {n}: key {Hex(key)} block {Hex(block)}");
            }
        }

        [TestMethod]
        public void Oracle_ReproducesRfc4493AndFips197()
        {
            // The oracle itself is anchored to the published vectors before it judges anything.
            byte[] key = Convert.FromHexString("2B7E151628AED2A6ABF7158809CF4F3C");
            byte[] m = Convert.FromHexString("6BC1BEE22E409F96E93D7E117393172AAE2D8A571E03AC9C9EB76FAC45AF8E5130C81C46A35CE411E5FBC1191A0A52EFF69F2445DF4F9B17AD2B417BE66C3710");
            Assert.AreEqual("BB1D6929E95937287FA37D129B756746", Hex(LoRaWanOracle.Cmac(key, new byte[0])));
            Assert.AreEqual("070A16B46B4D4144F79BDD9DD04A287C", Hex(LoRaWanOracle.Cmac(key, m[..16])));
            Assert.AreEqual("DFA66747DE9AE63030CA32611497C827", Hex(LoRaWanOracle.Cmac(key, m[..40])));
            Assert.AreEqual("51F0BEBF7E3B9D92FC49741779363CFE", Hex(LoRaWanOracle.Cmac(key, m)));
            Assert.AreEqual("69C4E0D86A7B0430D8CDB78070B4C55A", Hex(LoRaWanOracle.AesEncrypt(
                Convert.FromHexString("000102030405060708090A0B0C0D0E0F"), Convert.FromHexString("00112233445566778899AABBCCDDEEFF"))));
        }

        [TestMethod]
        public void AesCmac_RandomKeysLengthsAndSplits_MatchTheOracle()
        {
            var rng = new Random(1616);
            var cmac = new AesCmac();
            var mac = new byte[16];
            for (int n = 0; n < 3000; n++)
            {
                var key = new byte[16];
                rng.NextBytes(key);
                int length = n < 300 ? n : rng.Next(0, 300);
                var message = new byte[length];
                rng.NextBytes(message);
                string expected = Hex(LoRaWanOracle.Cmac(key, message));

                cmac.SetKey(key, 0);
                // feed in random pieces (including empty ones)
                int p = 0;
                while (p < length)
                {
                    int piece = rng.Next(0, Math.Min(40, length - p) + 1);
                    cmac.Update(message, p, piece);
                    p += piece;
                }
                cmac.Final(mac, 0);
                if (Hex(mac) != expected) Assert.AreEqual(expected, Hex(mac), $"case {n}, length {length}, key {Hex(key)}");
            }
        }
    }
}
