using System;
using System.Reflection;
using LoRaWan.Crypto;
using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Regions;
using LoRaWan.Session;
using LoRaWan.Simulation;
using LoRaWan.Tests.Mac;

namespace LoRaWan.IlMeter.Workload
{
    /// <summary>
    /// The operations of issue 20's table, run by the IL meter inside its own load context, where LoRaWan.Mac and
    /// Drivers.Sx127x are the rewritten copies whose basic blocks add their IL instruction counts to
    /// <c>LoRaWan.IlMeter.Counter.Count</c> (a type the meter adds to LoRaWan.Radio, the lowest assembly). Each operation builds its objects
    /// fresh, runs once unmeasured (static constructors, first-use work), then once measured; every result is checked
    /// against shared/VECTORS.md or the rig so a failing path is never what gets counted. This code itself is not
    /// rewritten: only IL in the device assemblies counts.
    /// </summary>
    public static class Operations
    {
        /// <summary>Operation names, in table order.</summary>
        public static readonly string[] Names =
        {
            "aes-block", "aes-key-expansion", "cmac-64", "uplink-20", "join-accept", "class-a-cycle", "class-a-cycle-sx1276",
        };

        /// <summary>What each operation is, for the table.</summary>
        public static readonly string[] Descriptions =
        {
            "one AES block through the byte API (Aes128.EncryptBlock)",
            "AES key expansion (Aes128.SetKey)",
            "AES-CMAC of 64 bytes (key already set: SetKey compares, Update, Final)",
            "a 20-byte uplink built: frame, FRMPayload encrypt, MIC (keys already expanded)",
            "a join-accept processed: decrypt, MIC, read, derive 2 keys, key setup (expand AppSKey, NwkSKey + CMAC subkeys)",
            "a Class A cycle: Send (into an UplinkOutcome) to RX2 timeout, 20-byte unconfirmed uplink, EU868 DR5 ABP, scripted radio",
            "the same cycle after an OTAA join, through the SX1276 driver on the simulated chip (driver IL counted, chip not)",
        };

        static FieldInfo _counter;
        static FieldInfo _locks;
        static FieldInfo _allocations;
        static FieldInfo _cost;
        static FieldInfo _environmentIl;
        static FieldInfo _environmentCost;
        static long[] _methods, _methodAllocations;

        /// <summary>The locks (Monitor.Enter calls) the last measured run took in the device assemblies.</summary>
        public static long LastLocks;

        /// <summary>The heap allocations nanoCLR would make (Counter.Allocations, the meter's NanoAllocations) in the last measured run.</summary>
        public static long LastAllocations;

        /// <summary>The estimated nanoCLR x86 instructions (Counter.Cost, the meter's CostModel) of the last measured run.</summary>
        public static long LastCost;

        /// <summary>The environment's IL and estimated x86 in the last measured run (Counter.EnvironmentIl, EnvironmentCost).</summary>
        public static long LastEnvironmentIl, LastEnvironmentCost;

        static long Count
        {
            get { return (long)_counter.GetValue(null); }
            set { _counter.SetValue(null, value); }
        }

        /// <summary>Runs operation <paramref name="name"/> and returns the IL instructions its measured run executed in the device assemblies.</summary>
        public static long Measure(string name)
        {
            Type counter = typeof(LoRaWan.Radio.AirTime).Assembly.GetType("LoRaWan.IlMeter.Counter", true);
            _counter = counter.GetField("Count");
            _locks = counter.GetField("Locks");
            _allocations = counter.GetField("Allocations");
            _cost = counter.GetField("Cost");
            _environmentIl = counter.GetField("EnvironmentIl");
            _environmentCost = counter.GetField("EnvironmentCost");
            _methods = (long[])counter.GetField("Methods").GetValue(null);   // set by the meter for a per-method profile
            _methodAllocations = (long[])counter.GetField("MethodAllocations").GetValue(null);
            Action between;
            Action op = Prepare(name, out between);
            op();                       // warm-up, unmeasured
            if (between != null) between();
            Count = 0;
            _locks.SetValue(null, 0L);
            _allocations.SetValue(null, 0L);
            _cost.SetValue(null, 0L);
            _environmentIl.SetValue(null, 0L);
            _environmentCost.SetValue(null, 0L);
            if (_methods != null) Array.Clear(_methods, 0, _methods.Length);
            if (_methodAllocations != null) Array.Clear(_methodAllocations, 0, _methodAllocations.Length);
            op();
            long n = Count;
            LastLocks = (long)_locks.GetValue(null);
            LastAllocations = (long)_allocations.GetValue(null);
            LastCost = (long)_cost.GetValue(null);
            LastEnvironmentIl = (long)_environmentIl.GetValue(null);
            LastEnvironmentCost = (long)_environmentCost.GetValue(null);
            Count = 0;
            return n;
        }

        // The operation, and what to do between two runs of it (unmeasured), or null.
        static Action Prepare(string name, out Action between)
        {
            between = null;
            switch (name)
            {
                case "aes-block": return AesBlock();
                case "aes-key-expansion": return KeyExpansion();
                case "cmac-64": return Cmac64();
                case "uplink-20": return Uplink20();
                case "join-accept": return JoinAccept(out between);
                case "class-a-cycle": return ClassACycle(out between);
                case "class-a-cycle-sx1276": return DriverCycle(out between);
                default: throw new ArgumentException("unknown operation " + name);
            }
        }

        static byte[] Bytes(string hex) { return Convert.FromHexString(hex); }

        static void Expect(bool ok, string what)
        {
            if (!ok) throw new InvalidOperationException("IL meter workload: " + what);
        }

        static Action AesBlock()
        {
            // FIPS-197 Appendix C.1 (shared/VECTORS.md).
            var aes = new Aes128();
            aes.SetKey(Bytes("000102030405060708090A0B0C0D0E0F"), 0);
            byte[] plain = Bytes("00112233445566778899AABBCCDDEEFF");
            byte[] expected = Bytes("69C4E0D86A7B0430D8CDB78070B4C55A");
            var block = new byte[16];
            return () =>
            {
                aes.EncryptBlock(plain, 0, block, 0);
                Expect(block.AsSpan().SequenceEqual(expected), "FIPS-197 C.1");
            };
        }

        static Action KeyExpansion()
        {
            var aes = new Aes128();
            byte[] key = Bytes("000102030405060708090A0B0C0D0E0F");
            return () => aes.SetKey(key, 0);
        }

        static Action Cmac64()
        {
            // RFC 4493 §4 example 4 (shared/VECTORS.md).
            var cmac = new AesCmac();
            byte[] key = Bytes("2B7E151628AED2A6ABF7158809CF4F3C");
            byte[] message = Bytes("6BC1BEE22E409F96E93D7E117393172AAE2D8A571E03AC9C9EB76FAC45AF8E5130C81C46A35CE411E5FBC1191A0A52EFF69F2445DF4F9B17AD2B417BE66C3710");
            byte[] expected = Bytes("51F0BEBF7E3B9D92FC49741779363CFE");
            var mac = new byte[16];
            cmac.SetKey(key, 0);
            return () =>
            {
                cmac.SetKey(key, 0);
                cmac.Update(message, 0, 64);
                cmac.Final(mac, 0);
                Expect(mac.AsSpan().SequenceEqual(expected), "RFC 4493 64 bytes");
            };
        }

        static Action Uplink20()
        {
            // The MAC's own uplink build (ClassAMac.Uplink: DataFrame.Write, EncryptFrmPayload, Compute10) with the
            // lora-packet session of shared/VECTORS.md; checked against the "test" vector first.
            byte[] nwkSKey = Bytes(MacTestRig.NwkSKey), appSKey = Bytes(MacTestRig.AppSKey);
            var header = new DataFrame();
            var cipher = new PayloadCipher();
            var mic = new DataMic();
            var frame = new byte[64];
            byte[] test = { 0x74, 0x65, 0x73, 0x74 };
            Build(header, cipher, mic, nwkSKey, appSKey, frame, test, 4, 2);
            Expect(frame.AsSpan(0, header.Length).SequenceEqual(Bytes("40F17DBE4900020001954378762B11FF0D")), "lora-packet uplink vector");
            var payload = new byte[20];
            for (int i = 0; i < payload.Length; i++) payload[i] = (byte)i;
            ushort fCnt = 3;
            return () => Build(header, cipher, mic, nwkSKey, appSKey, frame, payload, 20, fCnt++);
        }

        static void Build(DataFrame f, PayloadCipher cipher, DataMic mic, byte[] nwkSKey, byte[] appSKey, byte[] frame, byte[] payload, int length, ushort fCnt)
        {
            f.MType = MType.UnconfirmedDataUp;
            f.DevAddr = 0x49BE7DF1;
            f.FCnt = fCnt;
            f.FPort = 1;
            Expect(f.Write(frame, 0, null, 0, 0, payload, 0, length) == FrameResult.Ok, "frame written");
            // The MAC passes its session's key generation (SessionKeys.Generation; these keys never change: 1).
            cipher.EncryptFrmPayload(appSKey, 0, 1, FrameDirection.Uplink, 0x49BE7DF1, fCnt, frame, f.FrmPayloadOffset, f.FrmPayloadLength);
            mic.Compute10(nwkSKey, 0, 1, FrameDirection.Uplink, 0x49BE7DF1, fCnt, frame, 0, f.MicInputLength, frame, f.MicOffset);
        }

        static Action JoinAccept(out Action between)
        {
            // shared/VECTORS.md: the join-accept encrypted under an all-zero AppKey. The steps of ClassAMac.HandleJoinAccept
            // and DeviceSession.StartFromJoinAccept, then the key setup the first uplink pays (AppSKey expanded for
            // FRMPayload, NwkSKey expanded with its CMAC subkeys for the MIC).
            byte[] appKey = new byte[16];
            byte[] received = Bytes("20E3DE108795F776B8037610EF7869B5B3");
            var frame = new byte[received.Length];
            var crypto = new JoinCrypto();
            var keys = new KeyDerivation();
            var accept = new JoinAcceptFrame();
            Region region = Region.Create("EU868");
            var session = new DeviceSession(new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize), region.CreateChannelPlan());
            var aes = new Aes128();
            var cmac = new AesCmac();
            Action op = () =>
            {
                Array.Copy(received, frame, received.Length);
                // The MAC passes a constant generation with the identity's root key (ClassAMac.RootKeyGeneration = 0).
                Expect(crypto.DecryptJoinAccept(appKey, 0, 0, frame, 0, frame.Length), "decrypted");
                Expect(crypto.VerifyJoinAcceptMic10(appKey, 0, 0, frame, 0, frame.Length), "MIC F86F0A91");
                Expect(accept.Read(frame, 0, frame.Length) == FrameResult.Ok, "read");
                session.StartFromJoinAccept(accept, 0x1234, appKey, 0, keys, region, 5, 0, 1, false);
                // As the first uplink's PayloadCipher and DataMic do: the join changed the keys' generation, so both expand.
                Expect(aes.UseKey(session.AppSKey, 0, session.Keys.Generation), "AppSKey expanded");
                cmac.SetKey(session.NwkSKey, 0, session.Keys.Generation);
            };
            between = () => cmac.SetKey(appKey, 0);   // so the next run expands NwkSKey again
            return op;
        }

        static Action DriverCycle(out Action between)
        {
            // The virtual board of Simulation (SX1276 chip model on SPI, air, gateway, network server) with the OTAA
            // identity of shared/VECTORS.md's key-derivation vectors, EU868 DR5, ADR off; joined and warmed up first.
            var net = new NetworkOptions();
            net.RecordHistory = false;
            var world = new VirtualWorld("EU868", 5, net);
            var id = DeviceIdentity.Otaa("0042004213424341", "0000001223224242", "BEC499C69E9C939E413B663961636C61");
            world.Register(id, LoRaWanVersion.V1_0_4);
            var o = new LoRaWanOptions();
            o.Adr = false;
            o.DataRate = 5;
            o.RandomSeed = 5;
            o.FCntPersistInterval = 1000;
            LoRaWanDevice device = world.PowerOn(id, o);
            Expect(device.Join(120000), "joined");
            var payload = new byte[20];
            for (int i = 0; i < 3; i++)
            {
                Expect(device.Send(1, payload, false, 60000).Status == SendStatus.Sent, "warm-up send");
                world.Sleep(20000);
            }
            between = () => world.Sleep(20000);
            var outcome = new UplinkOutcome();
            return () =>
            {
                int missed = device.Diagnostics.Timing.Missed;
                Expect(device.Send(1, payload, 0, payload.Length, false, 60000, outcome) == SendStatus.Sent, "sent");
                Expect(device.Diagnostics.Timing.Missed == missed + 2, "RX1 and RX2 opened, nothing received");
            };
        }

        static Action ClassACycle(out Action between)
        {
            // The device test rig (Tests/Mac/MacTestRig: ABP session of the lora-packet vectors, EU868 DR5, ADR off) on
            // the scripted radio: TxDone after the air time, RX1 and RX2 time out. Between runs (unmeasured) virtual time
            // moves on 20 s so the duty cycle never delays a Send. After the warm-up the radio only counts (Recording off: no
            // records of the calls, which no real radio keeps), as in NanoBench's cycle.
            var rig = new MacTestRig(MacTestRig.Dr5NoAdr());
            var payload = new byte[20];
            for (int i = 0; i < 3; i++)
            {
                Expect(rig.Device.Send(1, payload, false, 60000).Status == SendStatus.Sent, "warm-up send");
                rig.Runner.Sleep(20000);
            }
            rig.Radio.Recording = false;
            between = () => rig.Runner.Sleep(20000);
            // The allocation-free Send (the caller's UplinkOutcome filled in place), as a sketch sends.
            var outcome = new UplinkOutcome();
            return () =>
            {
                int opened = rig.Radio.WindowsOpened;
                Expect(rig.Device.Send(1, payload, 0, payload.Length, false, 60000, outcome) == SendStatus.Sent, "sent");
                Expect(rig.Radio.WindowsOpened == opened + 2, "RX1 and RX2 opened");
            };
        }
    }
}
