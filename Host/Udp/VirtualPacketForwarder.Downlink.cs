using System.Collections.Generic;
using System.Text;
using LoRaWan.Radio;
using LoRaWan.Regions;

namespace LoRaWan.Udp
{
    // PULL_RESP → the air, and the TX_ACK that answers it (PROTOCOL.TXT v2 §5.4, §5.5, §6).
    public sealed partial class VirtualPacketForwarder
    {
        readonly TxPacket _tx = new TxPacket();
        readonly List<ulong[]> _scheduled = new List<ulong[]>();

        void HandlePullResp(byte[] d, int length, ushort token, ulong now)
        {
            _counters.PullResps++;
            if (length <= SemtechUdp.HeaderLength)
            {
                Drop(now, DatagramProblem.Truncated, "PULL_RESP without its JSON object");
                return;
            }
            // A txpk that cannot be read gets no TX_ACK, as in the packet forwarder (it logs and drops it).
            DatagramProblem? problem = TxpkReader.TryRead(d, SemtechUdp.HeaderLength, length - SemtechUdp.HeaderLength, _tx, out string reason);
            if (problem != null)
            {
                Drop(now, problem.Value, "PULL_RESP: " + reason);
                return;
            }

            ulong startUs = 0;
            long leadUs = 0;
            TxAckError result = Check(_tx, now, ref startUs, ref leadUs);
            if (result == TxAckError.None)
            {
                if (leadUs < _counters.MinDownlinkLeadUs) _counters.MinDownlinkLeadUs = leadUs;
                Emit(_tx, startUs);
            }
            SendTxAck(token, result);
            _counters.CountTxAck(result);
            Observer?.PullRespHandled(now, token, _tx, startUs, leadUs, result);
        }

        /// <summary>
        /// The packet forwarder's checks, in its order: timing reference, RF chain frequency and power, then the JIT
        /// queue's (sx1302_hal packet_forwarder, lora_pkt_fwd.c and jitqueue.c jit_enqueue). A tmst is a Class A
        /// downlink there ("Concentrator timestamp is given, we consider it is a Class A downlink"), accepted at any time
        /// from MinLeadUs to MaxAdvanceUs ahead whether or not an uplink came before it: Class C servers that schedule
        /// on the gateway's counter (The Things Stack's ScheduleAnytime) use it. imme is a Class C downlink: it
        /// becomes a timestamped one "ASAP", the forwarder's own 1 s margin from now, or, when that collides with a
        /// programmed downlink, right after one (its end + TX_START_DELAY + 2 × TX_JIT_DELAY + TX_MARGIN_DELAY: the first
        /// gap that fits, else after the last); so an immediate packet is never refused for a collision and has no
        /// TOO_EARLY check.
        /// </summary>
        TxAckError Check(TxPacket tx, ulong now, ref ulong startUs, ref long leadUs)
        {
            // No GPS on this gateway: GPS-timed packets (time/tmms only) cannot be placed.
            if (tx.GpsTimed) return TxAckError.GpsUnlocked;
            ulong airUs = AirTimeUs(tx);
            for (int i = _scheduled.Count - 1; i >= 0; i--)
            {
                ulong[] other = _scheduled[i];
                if (other[0] + other[1] < now) _scheduled.RemoveAt(i);
            }
            if (tx.Immediate)
            {
                startUs = ImmediateStartUs(now, airUs);
                leadUs = (long)(startUs - now);
            }
            else
            {
                leadUs = _counter.DistanceUs(tx.Timestamp, now);
                startUs = leadUs < 0 ? 0 : now + (ulong)leadUs;
            }
            if (tx.FrequencyHz < _region.MinFrequencyHz || tx.FrequencyHz > _region.MaxFrequencyHz) return TxAckError.TxFreq;
            if (tx.PowerDbm > MaxTxPowerDbm) return TxAckError.TxPower;
            // jitqueue.c: too late unless it arrives TX_START_DELAY + TX_MARGIN_DELAY + TX_JIT_DELAY before its time.
            if (leadUs <= (long)MinLeadUs) return TxAckError.TooLate;
            // "Class C: no check needed, departure time has been calculated previously."
            if (!tx.Immediate && (ulong)leadUs > MaxAdvanceUs) return TxAckError.TooEarly;
            for (int i = 0; i < _scheduled.Count; i++)
            {
                ulong[] other = _scheduled[i];
                if (Collides(startUs, airUs, other[0], other[1])) return TxAckError.CollisionPacket;
            }
            return TxAckError.None;
        }

        /// <summary>
        /// jit_enqueue for JIT_PKT_TYPE_DOWNLINK_CLASS_C: now + 1 s when that is free; otherwise after the programmed
        /// downlinks in time order, the first candidate (a packet's end + pre-delay + TX_JIT_DELAY + TX_MARGIN_DELAY)
        /// that does not collide with the next one, or after the last.
        /// </summary>
        ulong ImmediateStartUs(ulong now, ulong airUs)
        {
            ulong asap = now + ImmediateMarginUs;
            bool free = true;
            for (int i = 0; i < _scheduled.Count; i++)
                if (Collides(asap, airUs, _scheduled[i][0], _scheduled[i][1])) { free = false; break; }
            if (free) return asap;
            _scheduled.Sort((a, b) => a[0].CompareTo(b[0]));
            for (int i = 0; i < _scheduled.Count; i++)
            {
                asap = _scheduled[i][0] + _scheduled[i][1] + CollisionPreDelayUs + TxJitDelayUs + CollisionMarginUs;
                if (i == _scheduled.Count - 1) break;
                if (!Collides(asap, airUs, _scheduled[i + 1][0], _scheduled[i + 1][1])) break;
            }
            return asap;
        }

        /// <summary>jit_collision_test: each packet occupies [start − pre-delay, start + air time] plus the margin.</summary>
        static bool Collides(ulong start1, ulong air1, ulong start2, ulong air2)
        {
            if (start1 >= start2) return start1 - start2 <= CollisionPreDelayUs + air2 + CollisionMarginUs;
            return start2 - start1 <= CollisionPreDelayUs + air1 + CollisionMarginUs;
        }

        static ulong AirTimeUs(TxPacket tx)
        {
            if (tx.SpreadingFactor == 0) return AirTime.LoRaWanFskFrameUs(tx.BandwidthHz, tx.Payload.Length);   // GFSK (CRC always)
            bool ldro = AirTime.IsLowDataRateOptimizeRequired(tx.SpreadingFactor, tx.BandwidthHz);
            return AirTime.LoRaUs(tx.SpreadingFactor, tx.BandwidthHz, tx.Payload.Length, AirTime.CodingRate4_5,
                AirTime.LoRaWanPreambleSymbols, true, !tx.NoCrc, ldro);
        }

        /// <summary>Puts the packet on the simulated air with its preamble starting at <paramref name="startUs"/>.</summary>
        void Emit(TxPacket tx, ulong startUs)
        {
            // The endpoint sends CR 4/5 with an 8-symbol preamble, what LoRaWAN uses (RP002 §3); other codr/prea
            // values are accepted (a real concentrator would honour them) and logged by the observer.
            bool crc = _gateway.DownlinkCrc;
            int power = _gateway.PowerDbm;
            _gateway.DownlinkCrc = !tx.NoCrc;
            _gateway.PowerDbm = tx.PowerDbm;
            ulong endUs = _gateway.Transmit(startUs, tx.FrequencyHz, tx.SpreadingFactor, tx.BandwidthHz, tx.Payload, 0, tx.Payload.Length, tx.InvertIq);
            _gateway.DownlinkCrc = crc;
            _gateway.PowerDbm = power;
            _scheduled.Add(new[] { startUs, endUs - startUs });
        }

        void SendTxAck(ushort token, TxAckError error)
        {
            // PROTOCOL.TXT v2 §5.5/§6: {"txpk_ack":{"error":"…"}}; NONE is sent explicitly (the reference
            // forwarder leaves the JSON out on success, which servers read as NONE too).
            byte[] json = Encoding.ASCII.GetBytes("{\"txpk_ack\":{\"error\":\"" + TxAckErrors.Name(error) + "\"}}");
            byte[] datagram = new byte[SemtechUdp.GatewayHeaderLength + json.Length];
            SemtechUdp.WriteGatewayHeader(datagram, PacketType.TxAck, token, _eui);
            System.Array.Copy(json, 0, datagram, SemtechUdp.GatewayHeaderLength, json.Length);
            _link.Send(datagram, datagram.Length);
        }
    }
}
