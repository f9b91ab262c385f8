namespace LoRaWan.Simulation
{
    /// <summary>How the network judged one MAC command from a device.</summary>
    public enum MacAnswerVerdict
    {
        /// <summary>The answer the request should get.</summary>
        Correct = 0,
        /// <summary>An answer to a request, with the wrong status or malformed.</summary>
        Wrong = 1,
        /// <summary>An answer nobody asked for.</summary>
        Unexpected = 2,
        /// <summary>A sticky answer repeated until the device hears a downlink (correct behaviour).</summary>
        StickyRepeat = 3,
        /// <summary>The request got no answer in the next uplink (the bytes are the request).</summary>
        Missing = 4,
        /// <summary>A request from the device (LinkCheckReq, DeviceTimeReq); the network answers it.</summary>
        DeviceRequest = 5,
    }

    /// <summary>
    /// Optional second interface of <see cref="NetworkServer.Observer"/>: the MAC command exchanges, for timelines and
    /// tests. Buffers are the server's: copy what you keep.
    /// </summary>
    public interface IMacCommandObserver
    {
        /// <summary>
        /// Commands for the next downlink of <paramref name="devAddr"/> (network → device form): requests and answers
        /// to the device's own requests, <paramref name="length"/> bytes at <paramref name="offset"/>.
        /// </summary>
        void MacCommandsQueued(ulong nowUs, uint devAddr, byte[] commands, int offset, int length);

        /// <summary>
        /// One command from the device (device → network form; for <see cref="MacAnswerVerdict.Missing"/> the request
        /// in network → device form), and the verdict. <paramref name="expectedStatus"/> is the status byte the
        /// network expected (−1 when the answer has none or nothing was expected).
        /// </summary>
        void MacCommandChecked(ulong nowUs, uint devAddr, byte[] command, int offset, int length, MacAnswerVerdict verdict, int expectedStatus);
    }
}
