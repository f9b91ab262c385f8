using System;
using LoRaWan.Crypto;
using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Regions;
using LoRaWan.Session;
using LoRaWan.Simulation;
using LoRaWan.Tests.Mac;

namespace LoRaWan.NanoBench
{
    /// <summary>
    /// One operation of issue 20's table, defined as Host/IlMeter/Workload/Operations.cs defines it (same objects, same
    /// inputs, same checks against shared/VECTORS.md), so that its x86 count on nanoCLR and its IL count from the meter
    /// describe the same work. Built in the constructor; <see cref="Run"/> is the measured work;
    /// <see cref="Between"/> runs between two measured runs, unmeasured, and checks the result of the last run there
    /// (the IL meter does not count its checks either).
    /// </summary>
    public abstract class Operation
    {
        /// <summary>The operation's name in the IL meter's table.</summary>
        public readonly string Name;

        /// <summary>An operation called <paramref name="name"/>.</summary>
        protected Operation(string name) { Name = name; }

        /// <summary>The measured work.</summary>
        public abstract void Run();

        /// <summary>What runs between two measured runs (unmeasured): checks the last run's result.</summary>
        public virtual void Between() { }
    }

    /// <summary>Nothing: the cost of the measuring itself (marker calls, the virtual call of Run), subtracted from every row.</summary>
    public sealed class Nothing : Operation
    {
        /// <summary>The baseline.</summary>
        public Nothing() : base("nothing") { }

        /// <summary>Does nothing.</summary>
        public override void Run() { }
    }

    /// <summary>One AES block through the byte API (Aes128.EncryptBlock), FIPS-197 C.1.</summary>
    public sealed class AesBlock : Operation
    {
        readonly Aes128 _aes = new Aes128();
        readonly byte[] _plain = Check.Bytes("00112233445566778899AABBCCDDEEFF");
        readonly byte[] _expected = Check.Bytes("69C4E0D86A7B0430D8CDB78070B4C55A");
        readonly byte[] _block = new byte[16];

        /// <summary>Key set once.</summary>
        public AesBlock() : base("aes-block") { _aes.SetKey(Check.Bytes("000102030405060708090A0B0C0D0E0F"), 0); }

        /// <summary>One block.</summary>
        public override void Run() { _aes.EncryptBlock(_plain, 0, _block, 0); }

        /// <summary>Checks the block.</summary>
        public override void Between() { Check.That(Check.Same(_block, 0, _expected), "FIPS-197 C.1"); }
    }

    /// <summary>AES key expansion (Aes128.SetKey).</summary>
    public sealed class KeyExpansion : Operation
    {
        readonly Aes128 _aes = new Aes128();
        readonly byte[] _key = Check.Bytes("000102030405060708090A0B0C0D0E0F");

        /// <summary>A fresh Aes128.</summary>
        public KeyExpansion() : base("aes-key-expansion") { }

        /// <summary>One expansion.</summary>
        public override void Run() { _aes.SetKey(_key, 0); }

        /// <summary>Checks the expanded key (FIPS-197 C.1's first block).</summary>
        public override void Between()
        {
            var block = new byte[16];
            _aes.EncryptBlock(Check.Bytes("00112233445566778899AABBCCDDEEFF"), 0, block, 0);
            Check.That(Check.Same(block, 0, Check.Bytes("69C4E0D86A7B0430D8CDB78070B4C55A")), "FIPS-197 C.1");
        }
    }

    /// <summary>AES-CMAC of 64 bytes (key already set: SetKey compares, Update, Final), RFC 4493 example 4.</summary>
    public sealed class Cmac64 : Operation
    {
        readonly AesCmac _cmac = new AesCmac();
        readonly byte[] _key = Check.Bytes("2B7E151628AED2A6ABF7158809CF4F3C");
        readonly byte[] _message = Check.Bytes("6BC1BEE22E409F96E93D7E117393172AAE2D8A571E03AC9C9EB76FAC45AF8E5130C81C46A35CE411E5FBC1191A0A52EFF69F2445DF4F9B17AD2B417BE66C3710");
        readonly byte[] _expected = Check.Bytes("51F0BEBF7E3B9D92FC49741779363CFE");
        readonly byte[] _mac = new byte[16];

        /// <summary>Key set once.</summary>
        public Cmac64() : base("cmac-64") { _cmac.SetKey(_key, 0); }

        /// <summary>One MAC.</summary>
        public override void Run()
        {
            _cmac.SetKey(_key, 0);
            _cmac.Update(_message, 0, 64);
            _cmac.Final(_mac, 0);
        }

        /// <summary>Checks the MAC.</summary>
        public override void Between() { Check.That(Check.Same(_mac, 0, _expected), "RFC 4493 64 bytes"); }
    }

    /// <summary>A 20-byte uplink built: frame, FRMPayload encrypt, MIC (ClassAMac.Uplink's steps), lora-packet session.</summary>
    public sealed class Uplink20 : Operation
    {
        readonly byte[] _nwkSKey = Check.Bytes(MacTestRig.NwkSKey);
        readonly byte[] _appSKey = Check.Bytes(MacTestRig.AppSKey);
        readonly DataFrame _header = new DataFrame();
        readonly PayloadCipher _cipher = new PayloadCipher();
        readonly DataMic _mic = new DataMic();
        readonly byte[] _frame = new byte[64];
        readonly byte[] _payload = new byte[20];
        ushort _fCnt = 3;
        FrameResult _written;

        /// <summary>Checked against the lora-packet "test" uplink first.</summary>
        public Uplink20() : base("uplink-20")
        {
            Build(new byte[] { 0x74, 0x65, 0x73, 0x74 }, 4, 2);
            Check.That(_written == FrameResult.Ok && _header.Length == 17 && Check.Same(_frame, 0, Check.Bytes("40F17DBE4900020001954378762B11FF0D")), "lora-packet uplink vector");
            for (int i = 0; i < _payload.Length; i++) _payload[i] = (byte)i;
        }

        /// <summary>One uplink.</summary>
        public override void Run() { Build(_payload, 20, _fCnt++); }

        /// <summary>Checks that the frame was written.</summary>
        public override void Between() { Check.That(_written == FrameResult.Ok && _header.Length == 33, "frame written"); }

        void Build(byte[] payload, int length, ushort fCnt)
        {
            DataFrame f = _header;
            f.MType = MType.UnconfirmedDataUp;
            f.DevAddr = 0x49BE7DF1;
            f.FCnt = fCnt;
            f.FPort = 1;
            _written = f.Write(_frame, 0, null, 0, 0, payload, 0, length);
            _cipher.EncryptFrmPayload(_appSKey, 0, FrameDirection.Uplink, 0x49BE7DF1, fCnt, _frame, f.FrmPayloadOffset, f.FrmPayloadLength);
            _mic.Compute10(_nwkSKey, 0, FrameDirection.Uplink, 0x49BE7DF1, fCnt, _frame, 0, f.MicInputLength, _frame, f.MicOffset);
        }
    }

    /// <summary>
    /// A join-accept processed: decrypt, MIC, read, derive 2 keys, key setup (AppSKey expanded, NwkSKey expanded with its
    /// CMAC subkeys); the join-accept of shared/VECTORS.md under an all-zero AppKey.
    /// </summary>
    public sealed class JoinAccept : Operation
    {
        readonly byte[] _appKey = new byte[16];
        readonly byte[] _received = Check.Bytes("20E3DE108795F776B8037610EF7869B5B3");
        readonly byte[] _frame = new byte[17];
        readonly JoinCrypto _crypto = new JoinCrypto();
        readonly KeyDerivation _keys = new KeyDerivation();
        readonly JoinAcceptFrame _accept = new JoinAcceptFrame();
        readonly Region _region = Region.Create("EU868");
        readonly DeviceSession _session;
        readonly Aes128 _aes = new Aes128();
        readonly AesCmac _cmac = new AesCmac();
        bool _decrypted, _micOk;
        FrameResult _read;

        /// <summary>A session on a simulated flash.</summary>
        public JoinAccept() : base("join-accept")
        {
            _session = new DeviceSession(new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize), _region.CreateChannelPlan());
        }

        /// <summary>One join-accept.</summary>
        public override void Run()
        {
            Array.Copy(_received, _frame, _received.Length);
            // As the MAC (and the IL meter's workload) does: the root key with the constant generation ClassAMac.RootKeyGeneration (0).
            _decrypted = _crypto.DecryptJoinAccept(_appKey, 0, 0, _frame, 0, _frame.Length);
            _micOk = _crypto.VerifyJoinAcceptMic10(_appKey, 0, 0, _frame, 0, _frame.Length);
            _read = _accept.Read(_frame, 0, _frame.Length);
            _session.StartFromJoinAccept(_accept, 0x1234, _appKey, 0, _keys, _region, 5, 0, 1, false);
            _aes.UseKey(_session.AppSKey, 0, _session.Keys.Generation);
            _cmac.SetKey(_session.NwkSKey, 0, _session.Keys.Generation);
        }

        /// <summary>Checks the steps; then a key change, so that the next run expands NwkSKey again.</summary>
        public override void Between()
        {
            Check.That(_decrypted && _micOk && _read == FrameResult.Ok, "decrypted, MIC F86F0A91, read");
            _cmac.SetKey(_appKey, 0);
        }
    }

    /// <summary>
    /// A Class A cycle: Send to RX2 timeout, 20-byte unconfirmed uplink, EU868 DR5 ABP, on the device test rig's scripted
    /// radio (Tests/Mac/MacTestRig), counting only (<c>ScriptedRadio.Recording</c> off after the warm-up: the radio keeps
    /// counters, not records). Between runs virtual time moves on 20 s so the duty cycle never delays a Send.
    /// </summary>
    public sealed class ClassACycle : Operation
    {
        readonly MacTestRig _rig = new MacTestRig(MacTestRig.Dr5NoAdr());
        readonly byte[] _payload = new byte[20];
        // The allocation-free Send (the outcome filled in place), as the IL meter's class-a-cycle and a sketch send.
        readonly UplinkOutcome _outcome = new UplinkOutcome();
        int _opened;
        SendStatus _status;

        /// <summary>Three warm-up sends.</summary>
        public ClassACycle() : base("class-a-cycle")
        {
            for (int i = 0; i < 3; i++)
            {
                Check.That(_rig.Device.Send(1, _payload, false, 60000).Status == SendStatus.Sent, "warm-up send");
                _rig.Runner.Sleep(20000);
            }
            _rig.Radio.Recording = false;
            _opened = _rig.Radio.WindowsOpened;
        }

        /// <summary>One cycle.</summary>
        public override void Run() { _status = _rig.Device.Send(1, _payload, 0, _payload.Length, false, 60000, _outcome); }

        /// <summary>Checks the cycle (sent, RX1 and RX2 opened), then 20 s of virtual time.</summary>
        public override void Between()
        {
            Check.That(_status == SendStatus.Sent && _rig.Radio.WindowsOpened == _opened + 2, "sent, RX1 and RX2 opened");
            _opened = _rig.Radio.WindowsOpened;
            _rig.Runner.Sleep(20000);
        }
    }
}
