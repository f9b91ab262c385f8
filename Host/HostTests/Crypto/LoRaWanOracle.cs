using System;
using System.Linq;
using System.Security.Cryptography;

namespace LoRaWan.HostTests.Crypto
{
    /// <summary>
    /// An independent reference for the device crypto, written straight from RFC 4493 and the LoRaWAN
    /// text on top of .NET's own AES (System.Security.Cryptography, ECB, no padding). Deliberately plain:
    /// byte arrays, concatenation, one AES object per call — nothing shared with LoRaWan.Crypto.
    /// </summary>
    public static class LoRaWanOracle
    {
        public static byte[] AesEncrypt(byte[] key, byte[] block)
        {
            using var aes = Aes.Create();
            aes.Key = key;
            return aes.EncryptEcb(block, PaddingMode.None);
        }

        public static byte[] AesDecrypt(byte[] key, byte[] data)
        {
            using var aes = Aes.Create();
            aes.Key = key;
            return aes.DecryptEcb(data, PaddingMode.None);
        }

        // RFC 4493 §2.3: shift a 128-bit string left by one bit.
        static byte[] ShiftLeft(byte[] x)
        {
            var r = new byte[16];
            for (int i = 0; i < 16; i++)
                r[i] = (byte)((x[i] << 1) | (i < 15 ? x[i + 1] >> 7 : 0));
            return r;
        }

        /// <summary>RFC 4493 §2.4 AES-CMAC, the algorithm box read literally.</summary>
        public static byte[] Cmac(byte[] key, byte[] m)
        {
            // Generate_Subkey
            byte[] l = AesEncrypt(key, new byte[16]);
            byte[] k1 = ShiftLeft(l);
            if ((l[0] & 0x80) != 0) k1[15] ^= 0x87;
            byte[] k2 = ShiftLeft(k1);
            if ((k1[0] & 0x80) != 0) k2[15] ^= 0x87;

            int n = (m.Length + 15) / 16;
            bool flag;
            if (n == 0) { n = 1; flag = false; }
            else flag = m.Length % 16 == 0;

            var last = new byte[16];
            int lastStart = 16 * (n - 1);
            if (flag)
            {
                for (int i = 0; i < 16; i++) last[i] = (byte)(m[lastStart + i] ^ k1[i]);
            }
            else
            {
                int r = m.Length - lastStart;
                var padded = new byte[16];
                Array.Copy(m, lastStart, padded, 0, r);
                padded[r] = 0x80;
                for (int i = 0; i < 16; i++) last[i] = (byte)(padded[i] ^ k2[i]);
            }
            var x = new byte[16];
            for (int b = 0; b < n - 1; b++)
            {
                var y = new byte[16];
                for (int i = 0; i < 16; i++) y[i] = (byte)(x[i] ^ m[16 * b + i]);
                x = AesEncrypt(key, y);
            }
            var yl = new byte[16];
            for (int i = 0; i < 16; i++) yl[i] = (byte)(x[i] ^ last[i]);
            return AesEncrypt(key, yl);
        }

        static byte[] Le(uint v, int n)
        {
            var b = new byte[n];
            for (int i = 0; i < n; i++) b[i] = (byte)(v >> (8 * i));
            return b;
        }

        static byte[] Le64(ulong v)
        {
            var b = new byte[8];
            for (int i = 0; i < 8; i++) b[i] = (byte)(v >> (8 * i));
            return b;
        }

        static byte[] Cat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

        /// <summary>LoRaWAN §4.4 B0/B1: 0x49 | b1b2 (ConfFCnt LE) | b3 | b4 | Dir | DevAddr | FCnt | 0x00 | len.</summary>
        static byte[] MicBlock(uint confFCnt, byte b3, byte b4, byte dir, uint devAddr, uint fCnt, int len) =>
            Cat(new byte[] { 0x49 }, Le(confFCnt & 0xFFFF, 2), new[] { b3, b4, dir }, Le(devAddr, 4), Le(fCnt, 4), new byte[] { 0x00, (byte)len });

        public static byte[] DataMic10(byte[] nwkSKey, byte dir, uint devAddr, uint fCnt, byte[] msg) =>
            Cmac(nwkSKey, Cat(MicBlock(0, 0, 0, dir, devAddr, fCnt, msg.Length), msg)).Take(4).ToArray();

        public static byte[] UplinkMic11(byte[] sNwkSIntKey, byte[] fNwkSIntKey, uint confFCnt, byte txDr, byte txCh, uint devAddr, uint fCnt, byte[] msg)
        {
            byte[] cmacS = Cmac(sNwkSIntKey, Cat(MicBlock(confFCnt, txDr, txCh, 0, devAddr, fCnt, msg.Length), msg));
            byte[] cmacF = Cmac(fNwkSIntKey, Cat(MicBlock(0, 0, 0, 0, devAddr, fCnt, msg.Length), msg));
            return new[] { cmacS[0], cmacS[1], cmacF[0], cmacF[1] };
        }

        public static byte[] DownlinkMic11(byte[] sNwkSIntKey, uint confFCnt, uint devAddr, uint fCnt, byte[] msg) =>
            Cmac(sNwkSIntKey, Cat(MicBlock(confFCnt, 0, 0, 1, devAddr, fCnt, msg.Length), msg)).Take(4).ToArray();

        /// <summary>LoRaWAN §4.3.3: payload XOR (AES(K, A_1) | ... | AES(K, A_k)) truncated; returns a new array.</summary>
        public static byte[] FrmPayload(byte[] key, byte dir, uint devAddr, uint fCnt, byte[] payload) =>
            Ctr(key, 0, dir, devAddr, fCnt, payload, fOpts: false);

        /// <summary>LoRaWAN 1.1 §4.3.1.6 with the FCntDwn erratum: one A block, byte 4 = frame type, byte 15 = 1.</summary>
        public static byte[] FOpts(byte[] nwkSEncKey, byte frameType, byte dir, uint devAddr, uint fCnt, byte[] fopts) =>
            Ctr(nwkSEncKey, frameType, dir, devAddr, fCnt, fopts, fOpts: true);

        static byte[] Ctr(byte[] key, byte frameType, byte dir, uint devAddr, uint fCnt, byte[] payload, bool fOpts)
        {
            int k = (payload.Length + 15) / 16;
            var s = new byte[0];
            for (int i = 1; i <= k; i++)
            {
                byte[] a = Cat(new byte[] { 0x01, 0, 0, 0, frameType, dir }, Le(devAddr, 4), Le(fCnt, 4), new byte[] { 0x00, (byte)i });
                s = Cat(s, AesEncrypt(key, a));
            }
            if (fOpts && k > 1) throw new ArgumentException("FOpts is one block");
            return payload.Select((b, i) => (byte)(b ^ s[i])).ToArray();
        }

        /// <summary>What a network server transmits: MHDR | aes128_decrypt(key, fields | MIC) (LoRaWAN 1.0.2 §6.2.5).</summary>
        public static byte[] EncryptJoinAccept(byte[] key, byte[] plainWithMic) =>
            Cat(new[] { plainWithMic[0] }, AesDecrypt(key, plainWithMic.Skip(1).ToArray()));

        public static byte[] JoinAcceptMic11(byte[] jsIntKey, byte joinReqType, ulong joinEui, ushort devNonce, byte[] msg) =>
            Cmac(jsIntKey, Cat(new[] { joinReqType }, Le64(joinEui), Le(devNonce, 2), msg)).Take(4).ToArray();

        public static byte[] Derive10(byte[] key, byte type, uint nonce, uint netId, ushort devNonce) =>
            AesEncrypt(key, Cat(new[] { type }, Le(nonce, 3), Le(netId, 3), Le(devNonce, 2), new byte[7]));

        public static byte[] Derive11(byte[] key, byte type, uint joinNonce, ulong joinEui, ushort devNonce) =>
            AesEncrypt(key, Cat(new[] { type }, Le(joinNonce, 3), Le64(joinEui), Le(devNonce, 2), new byte[2]));

        public static byte[] DeriveJs(byte[] nwkKey, byte type, ulong devEui) =>
            AesEncrypt(nwkKey, Cat(new[] { type }, Le64(devEui), new byte[7]));
    }
}
