using System;
using System.Threading;

namespace LoRaWan.Mac
{
    // Events after the transition (shared/DESIGN.md): while the MAC handles one input it only notes what it has to
    // report; ProcessEvents raises the notes once that input's transition is complete (receive windows closed, the
    // uplink completed or rescheduled, the state consistent). A handler may then call back into the MAC: a Send or
    // BeginSend from a handler queues the uplink (StartSend) and never waits for the thread it is running on.
    public sealed partial class ClassAMac
    {
        const int NoteDownlink = 1;
        const int NoteUplink = 2;
        const int NoteJoinAttempt = 3;
        const int NoteLinkCheck = 4;
        const int NoteNetworkTime = 5;
        const int NoteIdle = 6;
        /// <summary>Most notes one input can produce: downlink, LinkCheck, DeviceTime, uplink completed, idle (join: 3).</summary>
        const int NoteCapacity = 8;

        readonly int[] _noteKind = new int[NoteCapacity];
        readonly int[] _noteA = new int[NoteCapacity];
        readonly int[] _noteB = new int[NoteCapacity];
        readonly ulong[] _noteTime = new ulong[NoteCapacity];
        readonly SendResult[] _noteResult = new SendResult[NoteCapacity];
        int _noteCount;
        bool _raising;
        int _raisingThreadId;

        /// <summary>
        /// True while the MAC raises its events on the calling thread: the caller is an event handler (OnDownlink,
        /// OnUplinkCompleted, OnJoinAttempt, OnLinkCheck, OnNetworkTime) and must not wait for the MAC.
        /// </summary>
        public bool IsInEventHandler
        {
            get { return _raising && Thread.CurrentThread.ManagedThreadId == _raisingThreadId; }
        }

        void Note(int kind, int a, int b, ulong time)
        {
            if (_noteCount == NoteCapacity)
            {
                // Cannot happen with the capacity above; counted rather than thrown so the transition completes.
                RecordInternalError("event notes overflowed (" + kind.ToString() + ")");
                return;
            }
            _noteKind[_noteCount] = kind;
            _noteA[_noteCount] = a;
            _noteB[_noteCount] = b;
            _noteTime[_noteCount] = time;
            _noteCount++;
        }

        void NoteUplinkCompleted(SendResult result)
        {
            if (_noteCount < NoteCapacity) _noteResult[_noteCount] = result;
            Note(NoteUplink, 0, 0, 0);
        }

        /// <summary>Raises what the last transition noted, in order; a handler's exception is counted, never rethrown.</summary>
        void RaiseNotes()
        {
            if (_noteCount == 0) return;
            _raisingThreadId = Thread.CurrentThread.ManagedThreadId;
            _raising = true;
            try
            {
                for (int i = 0; i < _noteCount; i++)
                {
                    int kind = _noteKind[i];
                    if (kind == NoteIdle)
                    {
                        MacOperation idle = IdleSignal;
                        if (idle != null) idle.Finish();
                        continue;
                    }
                    try
                    {
                        switch (kind)
                        {
                            case NoteDownlink: if (_listener != null) _listener.OnDownlink(_downlink); break;
                            case NoteUplink: if (_listener != null) _listener.OnUplinkCompleted(_noteResult[i]); break;
                            case NoteJoinAttempt: if (_listener != null) _listener.OnJoinAttempt(_noteA[i] != 0, _noteB[i]); break;
                            case NoteLinkCheck: if (_commandListener != null) _commandListener.OnLinkCheck(_noteA[i], _noteB[i]); break;
                            case NoteNetworkTime: if (_commandListener != null) _commandListener.OnNetworkTime((uint)_noteA[i], _noteB[i], _noteTime[i]); break;
                        }
                    }
                    catch (Exception e)
                    {
                        Counters.ListenerErrors++;
                        LastError = e.Message;
                    }
                }
            }
            finally
            {
                _noteCount = 0;
                _raising = false;
            }
        }

        /// <summary>
        /// The type and message of the last exception the MAC caught from its own code, the radio or the platform (a
        /// bug or a broken part, never radio input); null when there was none. Each one is counted in
        /// <see cref="MacCounters.InternalErrors"/>, and an uplink it ended completes with
        /// <see cref="SendStatus.InternalError"/> (<see cref="SendStatus.RadioError"/> for an <c>IOException</c>).
        /// </summary>
        public string LastInternalError { get; private set; }

        void RecordInternalError(string message)
        {
            Counters.InternalErrors++;
            LastInternalError = message;
            LastError = message;
        }
    }
}
