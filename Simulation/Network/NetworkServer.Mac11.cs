using System;
using LoRaWan.Frames;

namespace LoRaWan.Simulation
{
    // LoRaWAN 1.1 MAC commands, network side, as The Things Stack handles them (pkg/networkserver/mac: rekey.go,
    // reset.go, device_mode.go, adr_param_setup.go): the device's indications RekeyInd, ResetInd and DeviceModeInd are
    // confirmed in the next downlink, every time they arrive (the device repeats them until it hears the
    // confirmation); ADRParamSetupReq goes out on demand.
    public sealed partial class NetworkServer
    {
        /// <summary>
        /// Asks a LoRaWAN 1.1 device for ADR_ACK_LIMIT = 2^<paramref name="limitExp"/> and ADR_ACK_DELAY =
        /// 2^<paramref name="delayExp"/> (each 0..15) with ADRParamSetupReq (LoRaWAN 1.1 §5.11) in a coming downlink (when
        /// <see cref="NetworkMacOptions.Enabled"/>); the accepted values are in <see cref="NetworkMacState.AdrAckLimitExponent"/>
        /// and <see cref="NetworkMacState.AdrAckDelayExponent"/> once ADRParamSetupAns arrives.
        /// </summary>
        public void RequestAdrParamSetup(ulong devEui, int limitExp, int delayExp)
        {
            if (limitExp < 0 || limitExp > 15) throw new ArgumentOutOfRangeException("limitExp", "Limit_exp is 0..15");
            if (delayExp < 0 || delayExp > 15) throw new ArgumentOutOfRangeException("delayExp", "Delay_exp is 0..15");
            lock (_sync)
            {
                NetworkSession s = RequireSession(devEui);
                if (!s.Is11) throw new InvalidOperationException("ADRParamSetupReq is a LoRaWAN 1.1 command; DevEUI " + devEui.ToString("X16") + " has a 1.0 session");
                MacStateOf(s).RequestAdrParam = (limitExp << 4) | delayExp;
            }
        }

        /// <summary>RekeyInd (§5.10) and DeviceModeInd (Class C chapter) at b[at]: the confirmation to queue.</summary>
        void Indicate(NetworkSession s, NetworkMacState m, byte[] b, int at)
        {
            NetworkDevice device = s.Device;
            if (b[at] == Cid.Rekey)
            {
                // OTAA only (The Things Stack ignores it from an ABP device). The pending session became the device's
                // session with this uplink (HandleDataUplink). RekeyConf carries the device's minor version back, as The
                // Things Stack does; for a 1.1 device (minor 1) that is also the spec's min(device, server) = 1.
                if (device.IsOtaa) m.AnswerRekey = RekeyInd.Minor(b, at + 1);
                return;
            }
            // DeviceModeInd: Class C only when the device may use it (supports_class_c), back to Class A always;
            // DeviceModeConf carries the class the network now uses.
            int requested = DeviceModeInd.Class(b, at + 1);
            if (requested == DeviceModeInd.ClassC && device.SupportsClassC && !device.IsClassC)
            {
                device.IsClassC = true;
                device.ClassCDueUs = 0;
            }
            else if (requested == DeviceModeInd.ClassA && device.IsClassC)
            {
                device.IsClassC = false;
                device.ClassCDueUs = 0;
            }
            m.AnswerDeviceMode = device.IsClassC ? DeviceModeInd.ClassC : DeviceModeInd.ClassA;
        }

        /// <summary>
        /// ResetInd of an ABP 1.1 device (§5.1): as The Things Stack (a new MAC state), the session's MAC parameters go
        /// back to the defaults the device restarts with: default channels, RX1 delay 1 s, RX1DROffset 0, the region's RX2,
        /// TX power 0, NbTrans 1, no ADR history, nothing pending. The frame counters and keys stay (an ABP 1.1 device
        /// keeps its counters across resets). Returns the new MAC state with ResetConf (the device's minor) to send.
        /// </summary>
        NetworkMacState ResetMacState(NetworkSession s, int minor)
        {
            s.ChannelPlan.CopyFrom(_region.CreateChannelPlan());
            s.Rx1DrOffset = 0;
            s.Rx2DataRate = _region.Rx2DataRate;
            s.Rx2FrequencyHz = _region.Rx2Frequency;
            s.RxDelaySeconds = 1;
            s.ClearPendingFOpts();
            var m = new NetworkMacState(_region);
            m.AnswerReset = minor;
            s.Mac = m;
            return m;
        }

        /// <summary>The 1.1 confirmations for this uplink's indications, ahead of the network's requests.</summary>
        void QueueConfirmations(NetworkMacState m)
        {
            if (m.AnswerRekey >= 0 && Queue(m, RekeyConf.Write(m.Queued, m.QueuedLength, m.AnswerRekey), NoAnswer, -1, false)) _macCounters.RekeyConfsSent++;
            if (m.AnswerReset >= 0 && Queue(m, ResetConf.Write(m.Queued, m.QueuedLength, m.AnswerReset), NoAnswer, -1, false)) _macCounters.ResetConfsSent++;
            if (m.AnswerDeviceMode >= 0 && Queue(m, DeviceModeConf.Write(m.Queued, m.QueuedLength, m.AnswerDeviceMode), NoAnswer, -1, false)) _macCounters.DeviceModeConfsSent++;
            m.AnswerRekey = -1;
            m.AnswerReset = -1;
            m.AnswerDeviceMode = -1;
        }

        /// <summary>ADRParamSetupReq on demand (LoRaWAN 1.1 sessions only); ADRParamSetupAns has no payload.</summary>
        void QueueAdrParamSetup(NetworkSession s, NetworkMacState m)
        {
            if (!s.Is11 || m.RequestAdrParam < 0) return;
            Queue(m, AdrParamSetupReq.Write(m.Queued, m.QueuedLength, m.RequestAdrParam >> 4, m.RequestAdrParam & 0x0F), NoStatus, -1, true);
        }
    }
}
