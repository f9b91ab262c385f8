using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using LoRaWan.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace Bench
{
    /// <summary>
    /// LoRaWan.Crypto (the device sources) against BouncyCastle 1.8.10's managed AES, one category per
    /// operation; BouncyCastle's AesEngine is the baseline, so Ratio = ours / BouncyCastle.
    /// </summary>
    [MemoryDiagnoser]
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    [CategoriesColumn]
    public class CryptoBenchmarks
    {
        const uint DevAddr = 0x26011234;
        const uint FCnt = 0x1234;
        const int PayloadLength = 51;
        const int FrameLength = 9 + PayloadLength; // MHDR | FHDR (7, no FOpts) | FPort | FRMPayload

        readonly byte[] _key = { 0x2B, 0x7E, 0x15, 0x16, 0x28, 0xAE, 0xD2, 0xA6, 0xAB, 0xF7, 0x15, 0x88, 0x09, 0xCF, 0x4F, 0x3C };
        readonly byte[] _key2 = { 0x44, 0x02, 0x42, 0x41, 0xED, 0x4C, 0xE9, 0xA6, 0x8C, 0x6A, 0x8B, 0xC0, 0x55, 0x23, 0x3F, 0xD3 };
        readonly byte[] _block = new byte[16];
        readonly byte[] _out = new byte[16];
        readonly byte[] _frame64 = new byte[64];
        readonly byte[] _mac = new byte[16];
        readonly byte[] _uplink = new byte[FrameLength + 4];

        Aes128 _aes;
        AesCmac _cmac;
        PayloadCipher _cipher;
        DataMic _dataMic;

        AesEngine _bc;
        AesFastEngine _bcFast;
        KeyParameter _bcKey;
        CMac _bcCmac;
        BouncyCastleUplink _bcUplink;
        Aes _net;

        [GlobalSetup]
        public void Setup()
        {
            for (int i = 0; i < 64; i++) _frame64[i] = (byte)(i * 37 + 1);
            for (int i = 0; i < _uplink.Length; i++) _uplink[i] = (byte)(i * 11 + 3);
            _aes = new Aes128();
            _aes.SetKey(_key, 0);
            _cmac = new AesCmac();
            _cmac.SetKey(_key, 0);
            _cipher = new PayloadCipher();
            _dataMic = new DataMic();

            _bcKey = new KeyParameter(_key);
            _bc = new AesEngine();
            _bc.Init(true, _bcKey);
            _bcFast = new AesFastEngine();
            _bcFast.Init(true, _bcKey);
            _bcCmac = new CMac(new AesEngine());
            _bcCmac.Init(_bcKey);
            _bcUplink = new BouncyCastleUplink(_key, _key2, _key);
            _net = Aes.Create();
            _net.Key = _key;
        }

        [GlobalCleanup]
        public void Cleanup() => _net.Dispose();

        // --- one AES-128 block ---

        [Benchmark(Baseline = true), BenchmarkCategory("1 AES block")]
        public void BouncyCastle_AesEngine_Block() => _bc.ProcessBlock(_block, 0, _out, 0);

        [Benchmark, BenchmarkCategory("1 AES block")]
        public void Ours_Aes128_Block() => _aes.EncryptBlock(_block, 0, _out, 0);

        [Benchmark, BenchmarkCategory("1 AES block")]
        public void BouncyCastle_AesFastEngine_Block() => _bcFast.ProcessBlock(_block, 0, _out, 0);

        [Benchmark, BenchmarkCategory("1 AES block")]
        public void DotNet_AesNi_Block() => _net.EncryptEcb(_block, _out, PaddingMode.None);

        // --- key expansion ---

        [Benchmark(Baseline = true), BenchmarkCategory("key expansion")]
        public void BouncyCastle_AesEngine_Init() => _bc.Init(true, _bcKey);

        [Benchmark, BenchmarkCategory("key expansion")]
        public void Ours_Aes128_SetKey() => _aes.SetKey(_key, 0);

        // --- AES-CMAC of a 64-byte frame (key already set: subkeys cached) ---

        [Benchmark(Baseline = true), BenchmarkCategory("CMAC 64 B")]
        public void BouncyCastle_CMac_64()
        {
            _bcCmac.BlockUpdate(_frame64, 0, 64);
            _bcCmac.DoFinal(_mac, 0);
        }

        [Benchmark, BenchmarkCategory("CMAC 64 B")]
        public void Ours_AesCmac_64()
        {
            _cmac.SetKey(_key, 0);
            _cmac.Update(_frame64, 0, 64);
            _cmac.Final(_mac, 0);
        }

        // --- a full 1.0 uplink: encrypt 51-byte FRMPayload (AppSKey), then MIC over B0 | 60-byte frame (NwkSKey) ---

        [Benchmark(Baseline = true), BenchmarkCategory("uplink 1.0, 51 B")]
        public void BouncyCastle_Uplink10_51() => _bcUplink.Uplink10(DevAddr, FCnt, _uplink, PayloadLength);

        [Benchmark, BenchmarkCategory("uplink 1.0, 51 B")]
        public void Ours_Uplink10_51()
        {
            _cipher.EncryptFrmPayload(_key, 0, FrameDirection.Uplink, DevAddr, FCnt, _uplink, 9, PayloadLength);
            _dataMic.Compute10(_key2, 0, FrameDirection.Uplink, DevAddr, FCnt, _uplink, 0, FrameLength, _uplink, FrameLength);
        }

        // --- a full 1.1 uplink: FRMPayload (AppSKey) + two CMACs (SNwkSIntKey over B1, FNwkSIntKey over B0) ---

        [Benchmark(Baseline = true), BenchmarkCategory("uplink 1.1, 51 B")]
        public void BouncyCastle_Uplink11_51() => _bcUplink.Uplink11(DevAddr, FCnt, _uplink, PayloadLength);

        [Benchmark, BenchmarkCategory("uplink 1.1, 51 B")]
        public void Ours_Uplink11_51()
        {
            _cipher.EncryptFrmPayload(_key, 0, FrameDirection.Uplink, DevAddr, FCnt, _uplink, 9, PayloadLength);
            _dataMic.ComputeUplink11(_key, 0, _key2, 0, 0, 5, 2, DevAddr, FCnt, _uplink, 0, FrameLength, _uplink, FrameLength);
        }
    }
}
