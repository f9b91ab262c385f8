namespace LoRaWan.Udp
{
    /// <summary>Where the gateway's datagrams go (a UDP socket to the server, or a recorder in tests).</summary>
    public interface IDatagramLink
    {
        /// <summary>Sends <paramref name="length"/> bytes of <paramref name="datagram"/> to the server (the buffer may be reused afterwards).</summary>
        void Send(byte[] datagram, int length);
    }

    /// <summary>Receives datagrams from the server. Called on the link's receive thread: implementations must be thread-safe.</summary>
    public interface IDatagramSink
    {
        /// <summary>A datagram arrived at <paramref name="receivedTimestamp"/> (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>); the array is the sink's to keep.</summary>
        void OnDatagram(byte[] datagram, int length, long receivedTimestamp);
    }
}
