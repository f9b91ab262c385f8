using System;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Crypto
{
    [TestClass]
    public class HexTests
    {
        [TestMethod]
        public void Parse_ReadsMsbFirstAsTheConsoleShowsIt()
        {
            // JoinEUI of the shared/VECTORS.md join request, as the console shows it (MSB).
            byte[] eui = Hex.Parse("AA13693363343639", 8, "JoinEUI");
            CollectionAssert.AreEqual(new byte[] { 0xAA, 0x13, 0x69, 0x33, 0x63, 0x34, 0x36, 0x39 }, eui);
        }

        [TestMethod]
        public void Parse_AcceptsSeparatorsAndLowercase()
        {
            byte[] addr = Hex.Parse("49:be-7d f1", 4, "DevAddr");
            CollectionAssert.AreEqual(new byte[] { 0x49, 0xBE, 0x7D, 0xF1 }, addr);
        }

        [TestMethod]
        public void Parse_RejectsWrongLengthNamingTheField()
        {
            try
            {
                Hex.Parse("98929B92C49EDBA9676D646D3B61245", 16, "AppKey");
            }
            catch (ArgumentException e)
            {
                Assert.Contains("AppKey", e.Message);
                Assert.Contains("32 hex digits", e.Message);
                return;
            }
            Assert.IsTrue(false, "a 31-digit AppKey was accepted");
        }

        [TestMethod]
        public void Parse_RejectsNonHexCharacter()
        {
            Assert.ThrowsException(typeof(ArgumentException), () => Hex.Parse("0G", 1, "x"));
            Assert.ThrowsException(typeof(ArgumentException), () => Hex.Parse("00112", 2, "x"));
        }

        [TestMethod]
        public void ToString_IsUppercaseInTheGivenOrder()
        {
            Assert.AreEqual("0A1BFF", Hex.ToString(new byte[] { 0x00, 0x0A, 0x1B, 0xFF }, 1, 3));
        }
    }
}
