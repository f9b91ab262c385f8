using System.Threading;
using LoRaWan.Mac;

namespace LoRaWan
{
    // The threads blocked in Send and Join, each with its own waiter: its own flags and its own place for the outcome, so
    // that no other caller can hide its wake-up (a shared flag Reset by another thread's BeginSend or retry once made a
    // waiting Send miss a completed uplink) or overwrite its result before it is read (a shared SendResult field once
    // could be replaced by the next uplink's). A blocking Send takes a ticket and gives it to the MAC with its request;
    // the MAC hands it back in the outcome (UplinkOutcome.Ticket), and the relay writes that outcome into the waiter
    // holding the ticket only. Waiters are kept in a list that only grows, one per thread that ever waited at the same
    // time as another (usually one): claimed and released without a lock (on nanoCLR a lock allocates, issue 20) and
    // allocated only when all are in use, never per uplink.
    public sealed partial class LoRaWanDevice
    {
        sealed class Waiter
        {
            /// <summary>The next waiter of the list; written once, before the waiter is published.</summary>
            internal Waiter Next;
            /// <summary>1 while a caller owns it (claimed with CompareExchange), 0 when free.</summary>
            internal int InUse;
            /// <summary>
            /// The ticket of the request whose outcome this waiter expects, 0 when none: whoever changes it from the ticket
            /// to 0 first — the relay delivering the outcome, or the caller giving up — owns the outcome (one exchange).
            /// </summary>
            internal int Ticket;
            /// <summary>Finished by the relay once the outcome is written into <see cref="Target"/>.</summary>
            internal readonly MacOperation Delivered = new MacOperation();
            /// <summary>
            /// This waiter's view of what it waits for besides its outcome: the MAC's idle signal (a Send finding the MAC
            /// busy), the end of a join (<see cref="MacOperation.Watch"/> points it at the one it needs).
            /// </summary>
            internal readonly MacOperation View = new MacOperation();
            /// <summary>Where the outcome goes: the caller's object, or <see cref="Own"/> for the SendResult-returning Send.</summary>
            internal UplinkOutcome Target;
            /// <summary>The outcome of the Send that returns a SendResult (no object of the caller's to fill).</summary>
            internal readonly UplinkOutcome Own = new UplinkOutcome();
        }

        Waiter _waiters;   // the list's head; only grows (under _growing), read without a lock
        int _lastTicket;   // the last ticket given (Interlocked.Increment; 0 is skipped: "no ticket")
        readonly object _growing = new object();

        /// <summary>A free waiter, now owned by the calling thread (a new one only when every waiter is in use).</summary>
        Waiter ClaimWaiter()
        {
            for (Waiter w = _waiters; w != null; w = w.Next)
                if (w.InUse == 0 && Interlocked.CompareExchange(ref w.InUse, 1, 0) == 0) return w;
            // Every waiter is in use: one more, for as long as the device lives (only as many as threads ever waited at
            // once). The lock is taken only here, never on the per-uplink path.
            var n = new Waiter();
            n.InUse = 1;
            lock (_growing)
            {
                n.Next = _waiters;
                _waiters = n;
            }
            return n;
        }

        /// <summary>
        /// Frees a waiter whose caller leaves with an exception: its ticket may still be registered, and an outcome carrying
        /// it must not reach the waiter's next owner.
        /// </summary>
        static void AbandonWaiter(Waiter w)
        {
            Interlocked.Exchange(ref w.Ticket, 0);
            ReleaseWaiter(w);
        }

        /// <summary>Frees a waiter (its ticket is 0: delivered, taken back, or never given).</summary>
        static void ReleaseWaiter(Waiter w)
        {
            w.Target = null;
            Interlocked.Exchange(ref w.InUse, 0);
        }

        /// <summary>
        /// On the MAC's thread: the outcome of an uplink a blocking Send queued (<paramref name="ticket"/>, not 0) goes to
        /// that Send's waiter, and to no other; an outcome without a ticket (BeginSend, a handler's Send) or whose caller
        /// gave up reaches only the event.
        /// </summary>
        void Deliver(UplinkOutcome outcome, int ticket)
        {
            for (Waiter w = _waiters; w != null; w = w.Next)
            {
                if (w.Ticket != ticket) continue;
                if (Interlocked.CompareExchange(ref w.Ticket, 0, ticket) != ticket) return;   // its caller gave up
                UplinkOutcome target = w.Target;
                if (target != null) target.CopyFrom(outcome);
                w.Delivered.Finish();
                return;
            }
        }

        /// <summary>
        /// The caller's side of a ticket: its wait for <see cref="Waiter.Delivered"/> ended without it, so it takes the
        /// ticket back — unless the relay took it first and is writing the outcome now (true: wait for it, briefly).
        /// </summary>
        bool DeliveryUnderWay(Waiter w, int ticket)
        {
            if (Interlocked.CompareExchange(ref w.Ticket, 0, ticket) == ticket) return false;
            // The relay owns the outcome and finishes within a few field copies on the MAC's thread.
            _runner.Wait(w.Delivered, DeliveryWaitMs);
            return true;
        }

        const int DeliveryWaitMs = 1000;
    }
}
