using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace Bench
{
    /// <summary>
    /// The same LoRaWAN uplink work done with BouncyCastle primitives (AesEngine for the A_i keystream,
    /// CMac for the MIC), set up once like a device would, so the comparison is per frame.
    /// </summary>
    public sealed class BouncyCastleUplink
    {
        readonly AesEngine _app = new AesEngine();
        readonly CMac _f = new CMac(new AesEngine());
        readonly CMac _s = new CMac(new AesEngine());
        readonly byte[] _a = new byte[16];
        readonly byte[] _ks = new byte[16];
        readonly byte[] _b = new byte[16];
        readonly byte[] _mic = new byte[16];

        public BouncyCastleUplink(byte[] appSKey, byte[] fNwkSIntKey, byte[] sNwkSIntKey)
        {
            _app.Init(true, new KeyParameter(appSKey));
            _f.Init(new KeyParameter(fNwkSIntKey));
            _s.Init(new KeyParameter(sNwkSIntKey));
        }

        void Encrypt(uint devAddr, uint fCnt, byte[] frame, int length)
        {
            byte[] a = _a;
            a[0] = 0x01; a[5] = 0;
            a[6] = (byte)devAddr; a[7] = (byte)(devAddr >> 8); a[8] = (byte)(devAddr >> 16); a[9] = (byte)(devAddr >> 24);
            a[10] = (byte)fCnt; a[11] = (byte)(fCnt >> 8); a[12] = (byte)(fCnt >> 16); a[13] = (byte)(fCnt >> 24);
            for (int i = 0, p = 9; p < 9 + length; i++)
            {
                a[15] = (byte)(i + 1);
                _app.ProcessBlock(a, 0, _ks, 0);
                for (int j = 0; j < 16 && p < 9 + length; j++, p++) frame[p] ^= _ks[j];
            }
        }

        void Block(byte b1, byte b2, byte b3, byte b4, uint devAddr, uint fCnt, int msgLength)
        {
            byte[] b = _b;
            b[0] = 0x49; b[1] = b1; b[2] = b2; b[3] = b3; b[4] = b4; b[5] = 0;
            b[6] = (byte)devAddr; b[7] = (byte)(devAddr >> 8); b[8] = (byte)(devAddr >> 16); b[9] = (byte)(devAddr >> 24);
            b[10] = (byte)fCnt; b[11] = (byte)(fCnt >> 8); b[12] = (byte)(fCnt >> 16); b[13] = (byte)(fCnt >> 24);
            b[15] = (byte)msgLength;
        }

        public void Uplink10(uint devAddr, uint fCnt, byte[] frame, int payloadLength)
        {
            Encrypt(devAddr, fCnt, frame, payloadLength);
            int msgLength = 9 + payloadLength;
            Block(0, 0, 0, 0, devAddr, fCnt, msgLength);
            _f.BlockUpdate(_b, 0, 16);
            _f.BlockUpdate(frame, 0, msgLength);
            _f.DoFinal(_mic, 0);
            System.Array.Copy(_mic, 0, frame, msgLength, 4);
        }

        public void Uplink11(uint devAddr, uint fCnt, byte[] frame, int payloadLength)
        {
            Encrypt(devAddr, fCnt, frame, payloadLength);
            int msgLength = 9 + payloadLength;
            Block(0, 0, 0, 0, devAddr, fCnt, msgLength);
            _f.BlockUpdate(_b, 0, 16);
            _f.BlockUpdate(frame, 0, msgLength);
            _f.DoFinal(_mic, 0);
            frame[msgLength + 2] = _mic[0];
            frame[msgLength + 3] = _mic[1];
            Block(0, 0, 5, 2, devAddr, fCnt, msgLength);
            _s.BlockUpdate(_b, 0, 16);
            _s.BlockUpdate(frame, 0, msgLength);
            _s.DoFinal(_mic, 0);
            frame[msgLength] = _mic[0];
            frame[msgLength + 1] = _mic[1];
        }
    }
}
