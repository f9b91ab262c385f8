namespace LoRaWan.Firmware.App
{
    /// <summary>
    /// Writes a Cayenne Low Power Payload: a sequence of items <c>channel (1) | data type (1) | value (N, MSB
    /// first)</c>, where data type = IPSO Smart Object id − 3200 (myDevicesIoT/CayenneLPP README). Only the types
    /// The Things Stack's built-in CayenneLPP formatter decodes are offered here (TheThingsNetwork/go-cayenne-lib:
    /// an unknown type makes it reject the whole payload). Writes into one buffer allocated at construction and
    /// refuses an item that would pass the size limit (the current data rate's maximum payload).
    /// </summary>
    public sealed class CayenneLppWriter
    {
        /// <summary>Digital output (IPSO 3201): 1 byte.</summary>
        public const byte TypeDigitalOutput = 1;
        /// <summary>Analog input (IPSO 3202): 2 bytes, 0.01 signed.</summary>
        public const byte TypeAnalogInput = 2;
        /// <summary>Analog output (IPSO 3203): 2 bytes, 0.01 signed.</summary>
        public const byte TypeAnalogOutput = 3;
        /// <summary>Temperature (IPSO 3303): 2 bytes, 0.1 °C signed.</summary>
        public const byte TypeTemperature = 103;

        readonly byte[] _buffer;
        int _length;
        int _limit;

        /// <summary>A writer for payloads of at most <paramref name="capacity"/> bytes.</summary>
        public CayenneLppWriter(int capacity)
        {
            _buffer = new byte[capacity];
            _limit = capacity;
        }

        /// <summary>The payload written so far (bytes 0 .. <see cref="Length"/> − 1).</summary>
        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>Bytes written.</summary>
        public int Length
        {
            get { return _length; }
        }

        /// <summary>Starts a new payload of at most <paramref name="limit"/> bytes (capped at the capacity).</summary>
        public void Reset(int limit)
        {
            _length = 0;
            _limit = limit < 0 ? 0 : (limit > _buffer.Length ? _buffer.Length : limit);
        }

        /// <summary>Adds a digital output (0 or 1); false when it does not fit.</summary>
        public bool AddDigitalOutput(int channel, bool on)
        {
            if (!Fits(3)) return false;
            Header(channel, TypeDigitalOutput);
            _buffer[_length++] = (byte)(on ? 1 : 0);
            return true;
        }

        /// <summary>Adds an analog input of <paramref name="hundredths"/> × 0.01 (saturated to ±327.67); false when it does not fit.</summary>
        public bool AddAnalogInput(int channel, long hundredths)
        {
            return AddInt16(channel, TypeAnalogInput, hundredths);
        }

        /// <summary>Adds an analog output of <paramref name="hundredths"/> × 0.01 (saturated to ±327.67); false when it does not fit.</summary>
        public bool AddAnalogOutput(int channel, long hundredths)
        {
            return AddInt16(channel, TypeAnalogOutput, hundredths);
        }

        /// <summary>Adds a temperature of <paramref name="tenthsCelsius"/> × 0.1 °C (saturated); false when it does not fit.</summary>
        public bool AddTemperature(int channel, long tenthsCelsius)
        {
            return AddInt16(channel, TypeTemperature, tenthsCelsius);
        }

        /// <summary>Clamps <paramref name="value"/> to the signed 16-bit range every 2-byte LPP value uses.</summary>
        public static int SaturateInt16(long value)
        {
            if (value > 32767) return 32767;
            if (value < -32768) return -32768;
            return (int)value;
        }

        bool AddInt16(int channel, byte type, long value)
        {
            if (!Fits(4)) return false;
            Header(channel, type);
            int v = SaturateInt16(value);
            _buffer[_length++] = (byte)(v >> 8);
            _buffer[_length++] = (byte)v;
            return true;
        }

        bool Fits(int itemLength)
        {
            return _length + itemLength <= _limit;
        }

        void Header(int channel, byte type)
        {
            _buffer[_length++] = (byte)channel;
            _buffer[_length++] = type;
        }
    }
}
