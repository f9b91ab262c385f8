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
        /// <summary>
        /// True while the MAC raises its events on the calling thread: the caller is an event handler (OnDownlink,
        /// OnUplinkCompleted, OnJoinAttempt, OnLinkCheck, OnNetworkTime) and must not wait for the MAC.
        /// </summary>
        public bool IsInEventHandler
        {
            get { return _notes.Raising && Thread.CurrentThread.ManagedThreadId == _notes.RaisingThreadId; }
        }

        void Note(int kind, int a, int b, ulong time)
        {
            EventNotes notes = _notes;
            int n = notes.Count;
            if (n == EventNotes.Capacity)
            {
                // Cannot happen with the capacity; counted rather than thrown so the transition completes.
                RecordInternalError("event notes overflowed (" + kind.ToString() + ")");
                return;
            }
            notes.Kind[n] = kind;
            // Only these three carry values (RaiseNote reads A, B and Time for them alone): the others are the kind only
            // (issue 20: three array writes spared per downlink, uplink and idle note).
            if (kind >= EventNotes.JoinAttempt && kind <= EventNotes.NetworkTime)
            {
                notes.A[n] = a;
                notes.B[n] = b;
                notes.Time[n] = time;
            }
            notes.Count = n + 1;
        }

        void NoteUplinkCompleted(UplinkOutcome result)
        {
            EventNotes notes = _notes;
            if (notes.ResultPending)
            {
                RecordInternalError("an uplink result was noted before the last one was raised");
                return;
            }
            int n = notes.Count;
            if (n == EventNotes.Capacity)
            {
                Note(EventNotes.Uplink, 0, 0, 0);   // counts the overflow
                return;
            }
            notes.Kind[n] = EventNotes.Uplink;   // Note's work for a note without values, without its call
            notes.Count = n + 1;
            notes.Result.CopyFrom(result);
            notes.ResultPending = true;
        }

        /// <summary>
        /// Raises what the last transition noted, in order; a handler's exception is counted, never rethrown. Called by
        /// ProcessEvents when there are notes (it checks the count).
        /// </summary>
        void RaiseNotes()
        {
            EventNotes notes = _notes;
            notes.RaisingThreadId = Thread.CurrentThread.ManagedThreadId;
            notes.Raising = true;
            try
            {
                for (int i = 0; i < notes.Count; i++)
                {
                    int kind = notes.Kind[i];
                    if (kind == EventNotes.Idle)
                    {
                        _observers.Idle.Finish();   // readonly, never null
                        continue;
                    }
                    try
                    {
                        RaiseNote(notes, i, kind);
                    }
                    catch (Exception e)
                    {
                        _diag.Counters.ListenerErrors++;
                        _diag.LastError = e.Message;
                    }
                }
            }
            finally
            {
                notes.Count = 0;
                notes.ResultPending = false;
                notes.Raising = false;
            }
        }

        void RaiseNote(EventNotes notes, int i, int kind)
        {
            // Each case reads the one listener it calls (issue 20: four field reads per note when both were read first).
            IMacListener listener;
            IMacCommandListener commandListener;
            switch (kind)
            {
                case EventNotes.Downlink: RaiseDownlink(_observers.Listener); break;
                case EventNotes.Uplink:
                    notes.ResultPending = false;   // a handler's own uplink may note its result from here on
                    listener = _observers.Listener;
                    if (listener != null) listener.OnUplinkCompleted(notes.Result);
                    break;
                case EventNotes.JoinAttempt:
                    listener = _observers.Listener;
                    if (listener != null) listener.OnJoinAttempt(notes.A[i] != 0, notes.B[i]);
                    break;
                case EventNotes.LinkCheck:
                    commandListener = _observers.CommandListener;
                    if (commandListener != null) commandListener.OnLinkCheck(notes.A[i], notes.B[i]);
                    break;
                case EventNotes.NetworkTime:
                    commandListener = _observers.CommandListener;
                    if (commandListener != null) commandListener.OnNetworkTime((uint)notes.A[i], notes.B[i], notes.Time[i]);
                    break;
            }
        }

        /// <summary>
        /// The type and message of the last exception the MAC caught from its own code, the radio or the platform (a
        /// bug or a broken part, never radio input); null when there was none. Each one is counted in
        /// <see cref="MacCounters.InternalErrors"/>, and an uplink it ended completes with
        /// <see cref="SendStatus.InternalError"/> (<see cref="SendStatus.RadioError"/> for an <c>IOException</c>).
        /// </summary>
        public string LastInternalError { get { return _diag.LastInternalError; } }

        void RecordInternalError(string message)
        {
            _diag.Counters.InternalErrors++;
            _diag.LastInternalError = message;
            _diag.LastError = message;
        }
    }
}
