using LoRaWan.Crypto;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Crypto
{
    [TestClass]
    public class ConstantTimeTests
    {
        [TestMethod]
        public void BytesEqual_FindsADifferenceInAnyPosition()
        {
            byte[] a = TestHex.Bytes("00 0102030405060708090A0B0C0D0E0F10");
            byte[] b = TestHex.Bytes("0102030405060708090A0B0C0D0E0F10");
            Assert.IsTrue(ConstantTime.BytesEqual(a, 1, b, 0, 16));
            Assert.IsTrue(ConstantTime.BytesEqual(a, 1, b, 0, 0), "empty ranges are equal");
            for (int i = 0; i < 16; i++)
            {
                for (int bit = 0; bit < 8; bit++)
                {
                    b[i] ^= (byte)(1 << bit);
                    Assert.IsFalse(ConstantTime.BytesEqual(a, 1, b, 0, 16), "byte " + i.ToString() + " bit " + bit.ToString());
                    b[i] ^= (byte)(1 << bit);
                }
            }
        }

        [TestMethod]
        public void MicEquals_ReadsTheMicMostSignificantByteFirst()
        {
            byte[] frame = TestHex.Bytes("40F17DBE4900020001954378762B11FF0D");
            Assert.IsTrue(ConstantTime.MicEquals(0x2B11FF0D, frame, 13));
            Assert.IsFalse(ConstantTime.MicEquals(0x0DFF112B, frame, 13), "byte order");
            for (int bit = 0; bit < 32; bit++)
                Assert.IsFalse(ConstantTime.MicEquals(0x2B11FF0Du ^ (1u << bit), frame, 13), "bit " + bit.ToString());
        }

        [TestMethod]
        public void WriteMic_WritesMostSignificantByteFirst()
        {
            byte[] b = new byte[6];
            ConstantTime.WriteMic(0x2B11FF0D, b, 1);
            Assert.AreEqual("002B11FF0D00", TestHex.Of(b));
        }
    }
}
