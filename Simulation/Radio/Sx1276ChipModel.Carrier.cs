namespace LoRaWan.Simulation
{
    // The FSK modem's continuous mode as far as a continuous wave uses it (SX1276 datasheet rev. 7 §4.2.12 "Data
    // processing in continuous mode": RegPacketConfig2 DataMode 0, the transmitter sends what DIO2 carries, no packet
    // engine, no FIFO, no PacketSent). TX in this mode puts a carrier on the air (Air.StartCarrier) at Frf and the PA's
    // power until the chip leaves TX; a deviation (RegFdev) other than 0 would modulate it with DIO2's data, which the
    // model does not know: such a transmission is counted in ModulatedCarriers, the carrier still occupies the air.
    public sealed partial class Sx1276ChipModel
    {
        AirCarrier _carrier;
        int _carrierCount;
        int _modulatedCarriers;

        /// <summary>Carriers this chip started (FSK continuous mode in TX).</summary>
        public int CarrierCount { get { return _carrierCount; } }

        /// <summary>Of those, carriers sent with a frequency deviation (RegFdev ≠ 0): not a clean continuous wave.</summary>
        public int ModulatedCarriers { get { return _modulatedCarriers; } }

        /// <summary>The carrier this chip sends now, or null.</summary>
        public AirCarrier Carrier { get { return _carrier; } }

        void StartCarrier()
        {
            if (_lora[0x04] != 0 || _lora[0x05] != 0) _modulatedCarriers++;   // RegFdevMsb/Lsb (shared page addresses)
            _carrier = _air.StartCarrier(this, NominalFrequencyHz(), OutputPowerDbm());
            _carrierCount++;
        }

        void EndCarrier()
        {
            if (_carrier == null) return;
            _air.EndCarrier(_carrier);
            _carrier = null;
        }
    }
}
