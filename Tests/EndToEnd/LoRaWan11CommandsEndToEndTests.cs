using System.Collections;
using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.EndToEnd
{
    /// <summary>
    /// The LoRaWAN 1.1 device-side MAC commands end to end (issue 16) on the simulated world: a new 1.1 session (OTAA join
    /// with OptNeg = 1 from the network model's join server) of a Class C device indicates Class C with DeviceModeInd
    /// (LoRaWAN 1.1 §18.1) until the network's DeviceModeConf; ADRParamSetupReq sent by the network on demand (§5.11)
    /// changes the device's ADR back-off to ADR_ACK_LIMIT = 2^Limit_exp, ADR_ACK_DELAY = 2^Delay_exp. What the network
    /// received is read from its records (FOpts decrypted with NwkSEncKey by the network, not by the device).
    /// </summary>
    [TestClass]
    public class LoRaWan11CommandsEndToEndTests
    {
        const string DevEui = "0042004213424341";
        const string JoinEui = "0000001223224242";
        const string NwkKey = "BEC499C69E9C939E413B663961636C61";
        const string AppKey = "2B7E151628AED2A6ABF7158809CF4F3C";
        const ulong DevEuiValue = 0x0042004213424341;

        /// <summary>What the network accepted, per uplink: FOpts (hex), ADRACKReq (bool), data rate (int).</summary>
        sealed class Uplinks : NetworkObserver
        {
            public readonly ArrayList FOpts = new ArrayList();
            public readonly ArrayList AdrAckReq = new ArrayList();
            public readonly ArrayList DataRate = new ArrayList();

            public override void UplinkAccepted(ulong nowUs, UplinkRecord uplink)
            {
                if (uplink.IsRetransmission) return;
                FOpts.Add(Hex.ToString(uplink.FOpts, 0, uplink.FOptsLength));
                AdrAckReq.Add(uplink.AdrAckReq);
                DataRate.Add(uplink.DataRate);
            }
        }

        static LoRaWanOptions Options11(bool adr, int dataRate)
        {
            var o = new LoRaWanOptions();
            o.Version = LoRaWanVersion.V1_1;
            o.RandomSeed = 5;
            o.Adr = adr;
            o.DataRate = dataRate;
            return o;
        }

        static VirtualWorld World(Uplinks seen, out NetworkDevice registered)
        {
            var world = new VirtualWorld("EU868", 17, new NetworkOptions());
            registered = world.Register(DeviceIdentity.Otaa11(DevEui, JoinEui, NwkKey, AppKey), LoRaWanVersion.V1_1);
            world.Network.Observer = seen;
            return world;
        }

        [TestMethod]
        public void ClassCDevice_NewSession_IndicatesClassC_UntilTheNetworksDeviceModeConf()
        {
            var seen = new Uplinks();
            NetworkDevice registered;
            VirtualWorld world = World(seen, out registered);
            registered.SupportsClassC = true;   // The Things Stack's supports_class_c: the network may follow the device to C
            LoRaWanDevice device = world.PowerOn(DeviceIdentity.Otaa11(DevEui, JoinEui, NwkKey, AppKey), Options11(false, 5));
            device.SetDeviceClass(DeviceClass.C);   // before the join: the session it creates is a Class C one
            Assert.IsTrue(device.Join(120000), "joined (OptNeg = 1)");
            Assert.IsTrue(world.Mac.Session.Keys.Separate, "a 1.1 session");
            Assert.IsFalse(registered.IsClassC, "the network does not know yet");

            var payload = new byte[] { 1, 2, 3 };
            for (int i = 0; i < 3; i++)
            {
                Assert.AreEqual((int)SendStatus.Sent, (int)device.Send(1, payload, false, 600000).Status, "uplink " + i.ToString());
                world.Sleep(30000);
            }
            Assert.AreEqual(3, seen.FOpts.Count, "three uplinks reached the network");
            // The first uplink of the session: RekeyInd (§5.10) first, then DeviceModeInd Class C (§18.1).
            Assert.AreEqual("0B01" + "2002", (string)seen.FOpts[0], "RekeyInd and DeviceModeInd Class C in the first uplink");
            Assert.IsTrue(registered.IsClassC, "the network follows the device to Class C");
            Assert.AreEqual(1, world.Network.MacCounters.DeviceModeConfsSent, "one DeviceModeConf (with the RekeyConf) in RX1");
            Assert.AreEqual("", (string)seen.FOpts[1], "RekeyConf and DeviceModeConf stopped both indications");
            Assert.AreEqual("", (string)seen.FOpts[2]);
            Assert.AreEqual((int)DeviceClass.C, (int)world.Mac.Session.DeviceClass, "Class C");

            // The network now uses Class C: an application downlink arrives between uplinks, in RXC.
            int rxc = world.Mac.Counters.RxcFrames;
            int delivered = world.Mac.Counters.DownlinksDelivered;
            world.Network.Enqueue(DevEuiValue, 3, new byte[] { 0xC0 }, false);
            world.Sleep(10000);
            Assert.AreEqual(rxc + 1, world.Mac.Counters.RxcFrames, "received in RXC, without an uplink");
            Assert.AreEqual(delivered + 1, world.Mac.Counters.DownlinksDelivered, "and delivered");
        }

        [TestMethod]
        public void AdrParamSetupReq_FromTheNetwork_TheDevicesBackOffUses2PowLimitAnd2PowDelay()
        {
            var seen = new Uplinks();
            NetworkDevice registered;
            VirtualWorld world = World(seen, out registered);
            world.Network.Mac.Enabled = true;
            world.Network.Mac.Adr = false;   // only the back-off moves the data rate
            LoRaWanDevice device = world.PowerOn(DeviceIdentity.Otaa11(DevEui, JoinEui, NwkKey, AppKey), Options11(true, 5));
            Assert.IsTrue(device.Join(120000), "joined");
            world.Network.RequestAdrParamSetup(DevEuiValue, 2, 1);   // ADR_ACK_LIMIT 4, ADR_ACK_DELAY 2
            var payload = new byte[] { 1 };
            device.Send(1, payload, false, 600000);   // RX1: RekeyConf and ADRParamSetupReq
            world.Sleep(30000);
            device.Send(1, payload, false, 600000);   // carries ADRParamSetupAns
            world.Sleep(30000);
            Assert.AreEqual(0x21, world.Mac.Session.Network.AdrParam, "the device took Limit_exp 2, Delay_exp 1");
            Assert.AreEqual(2, world.Network.GetMacState(DevEuiValue).AdrAckLimitExponent, "the network saw ADRParamSetupAns");
            Assert.AreEqual(1, world.Network.GetMacState(DevEuiValue).AdrAckDelayExponent);

            // From now on the device hears nothing: ADR_ACK_CNT counts every uplink.
            world.Network.DropDownlinks(1000);
            int first = seen.FOpts.Count;
            int counter = world.Mac.Session.AdrAckCounter;   // the next uplink's ADR_ACK_CNT
            Assert.IsTrue(counter < 4, "below the new ADR_ACK_LIMIT before the silence: " + counter.ToString());
            for (int i = 0; i < 14; i++)
            {
                device.Send(1, payload, false, 600000);
                world.Sleep(30000);
            }
            for (int i = first; i < seen.FOpts.Count; i++)
            {
                int cnt = counter + (i - first);   // ADR_ACK_CNT of that uplink
                string at = " at ADR_ACK_CNT " + cnt.ToString();
                Assert.AreEqual(cnt >= 4, (bool)seen.AdrAckReq[i], "ADRACKReq from ADR_ACK_LIMIT = 2^2" + at);
                // TX power (already the default) at 4 + 2, then one rate lower every ADR_ACK_DELAY = 2^1 from 4 + 2 × 2.
                int dr = cnt < 8 ? 5 : 4 - (cnt - 8) / 2;
                Assert.AreEqual(dr, (int)seen.DataRate[i], "data rate" + at);
            }
            Assert.AreEqual(14, seen.FOpts.Count - first, "every uplink reached the network");
        }
    }
}
