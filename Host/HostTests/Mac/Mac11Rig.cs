using System.Collections;
using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Regions;
using LoRaWan.Session;
using LoRaWan.Simulation;
using LoRaWan.Tests.Mac;

namespace LoRaWan.HostTests.Mac
{
    /// <summary>
    /// A LoRaWAN 1.1 MAC on a <see cref="ScriptedRadio"/> in EU868 and virtual time, shared by the 1.1 host tests: records
    /// the channel and data rate of each transmission (join requests only when asked), the delivered downlinks and the
    /// LinkCheckAns margins. The runner halts at a simulated power cut of <see cref="Flash"/>.
    /// </summary>
    public class Mac11Rig : IMacTrace
    {
        public readonly VirtualScheduler Scheduler = new VirtualScheduler();
        public readonly ScriptedRadio Radio;
        public readonly SimulatedFlash Flash;
        public readonly VirtualMacRunner Runner;
        public readonly ClassAMac Mac;
        public readonly LoRaWanDevice Device;
        public readonly ArrayList Channels = new ArrayList();
        public readonly ArrayList DataRates = new ArrayList();
        public readonly ArrayList Downlinks = new ArrayList();
        public readonly ArrayList LinkChecks = new ArrayList();
        readonly bool _recordJoins;

        /// <param name="recordJoins">also record join and rejoin transmissions in <see cref="Channels"/>/<see cref="DataRates"/></param>
        public Mac11Rig(DeviceIdentity id, LoRaWanOptions options, SimulatedFlash flash, bool recordJoins)
        {
            _recordJoins = recordJoins;
            Radio = new ScriptedRadio(Scheduler);
            Flash = flash;
            Runner = new VirtualMacRunner(Scheduler) { Flash = flash };
            var wiring = new MacWiring();
            wiring.Runner = Runner;
            wiring.Trace = this;
            Mac = new ClassAMac(Radio, Region.Create("EU868"), id, flash, Scheduler, options, wiring);
            Device = new LoRaWanDevice(Mac);
            Device.OnDownlink += (d, down) => Downlinks.Add(down.ToArray());
            Device.OnLinkCheck += (d, margin, gateways) => LinkChecks.Add(margin + "/" + gateways);
        }

        /// <summary>LoRaWAN 1.1, ADR off at DR5, seed 7, no empty ACK uplinks.</summary>
        public static LoRaWanOptions Options11()
        {
            var o = new LoRaWanOptions();
            o.Version = LoRaWanVersion.V1_1;
            o.Adr = false;
            o.DataRate = 5;
            o.RandomSeed = 7;
            o.EmptyAckUplinkDelayMs = 0;
            return o;
        }

        /// <summary>An empty store whose nonce record says the next DevNonce is <paramref name="nextDevNonce"/> (and RJcount1).</summary>
        public static SimulatedFlash FlashWithNonces(int nextDevNonce, int nextRjCount1)
        {
            var flash = new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize);
            var n = new NonceRecord(flash);
            n.NextDevNonce = nextDevNonce;
            n.NextRjCount1 = nextRjCount1;
            n.Save();
            return flash;
        }

        /// <summary>The next receive window that opens receives <paramref name="frame"/>.</summary>
        public void DeliverNext(byte[] frame) => Radio.DeliverInWindow(Radio.RxOpenedAt.Count, frame);

        public void Transmitting(ulong nowUs, bool join, uint fCnt, int channel, uint frequencyHz, int dataRate, int length, ulong airTimeUs, int powerDbm)
        {
            if (join && !_recordJoins) return;
            Channels.Add(channel);
            DataRates.Add(dataRate);
        }
        public void TxDone(ulong stampUs) { }
        public void WindowOpened(int window, ulong dueUs, ulong firedUs, uint frequencyHz, int dataRate, int symbolTimeout) { }
        public void WindowClosed(int window, ulong nowUs, bool frameForUs) { }
        public void BackingOff(ulong nowUs, ulong waitUs) { }
    }
}
