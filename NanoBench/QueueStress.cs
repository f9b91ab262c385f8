using System;
using System.Threading;
using LoRaWan.Mac;
using LoRaWan.Radio;

namespace LoRaWan.NanoBench
{
    /// <summary>
    /// MacEventQueue under real threads on nanoCLR: <see cref="Producers"/> threads post <see cref="PerProducer"/>
    /// events each into a queue of <see cref="Capacity"/> slots (full most of the time, so slots are claimed, published
    /// and freed while other threads are pre-empted halfway, and positions lap the ring many times) and one thread takes
    /// them. Checks that the Interlocked.CompareExchange/Exchange on array elements (ldelema) of Post and TryTake work on
    /// the interpreter: every event arrives exactly once, each producer's in its order, with its fields intact, and the
    /// queue's Dropped count equals the posts that returned false.
    /// </summary>
    public sealed class QueueStress
    {
        /// <summary>Producer threads.</summary>
        public const int Producers = 4;
        /// <summary>Events each producer posts.</summary>
        public const int PerProducer = 3000;
        /// <summary>Queue slots.</summary>
        public const int Capacity = 8;

        readonly MacEventQueue _queue = new MacEventQueue(Capacity);
        readonly int[] _next = new int[Producers];
        readonly int[] _refused = new int[Producers];
        int _taken;
        int _bad;
        int _producersDone;
        string _firstProblem;

        /// <summary>Runs the stress; returns a one-line result ("ok ..." or "FAILED ...").</summary>
        public string Run(int timeoutMs)
        {
            var threads = new Thread[Producers];
            for (int p = 0; p < Producers; p++)
            {
                threads[p] = new Thread(new Producer(this, p).Run);
                threads[p].Start();
            }
            var consumer = new Thread(Consume);
            consumer.Start();
            bool finished = consumer.Join(timeoutMs);
            for (int p = 0; p < Producers; p++) finished &= threads[p].Join(timeoutMs);
            int refused = 0;
            for (int p = 0; p < Producers; p++) refused += _refused[p];
            string counts = "taken " + _taken + " of " + (Producers * PerProducer) + ", posts refused (queue full) " + refused
                + ", Dropped " + _queue.Dropped + ", bad " + _bad;
            if (!finished) return "FAILED (timeout) " + counts;
            if (_bad != 0 || _taken != Producers * PerProducer || _queue.Dropped != refused || _queue.Count != 0)
                return "FAILED " + counts + (_firstProblem == null ? "" : "; first problem: " + _firstProblem);
            return "ok " + counts;
        }

        sealed class Producer
        {
            readonly QueueStress _owner;
            readonly int _id;

            public Producer(QueueStress owner, int id) { _owner = owner; _id = id; }

            public void Run()
            {
                MacEventQueue queue = _owner._queue;
                for (int seq = 0; seq < PerProducer; seq++)
                {
                    // timeUs: the producer's sequence; dueUs: a check value of both.
                    while (!queue.Post(MacEventKind.Request, (RadioEvent)(_id + 1), (ulong)seq, Due(_id, seq)))
                    {
                        _owner._refused[_id]++;
                        Thread.Sleep(0);
                    }
                }
                Interlocked.Increment(ref _owner._producersDone);
            }
        }

        static ulong Due(int id, int seq) { return ((ulong)(id + 1) << 40) | ((ulong)seq * 2654435761u); }

        void Consume()
        {
            MacEventQueue queue = _queue;
            int idle = 0;
            while (true)
            {
                MacEventKind kind;
                RadioEvent radioEvent;
                ulong time, due;
                if (queue.TryTake(out kind, out radioEvent, out time, out due))
                {
                    idle = 0;
                    _taken++;
                    int id = (int)radioEvent - 1;
                    if (kind != MacEventKind.Request || id < 0 || id >= Producers) { Problem("kind/producer " + (int)kind + "/" + id); continue; }
                    if ((int)time != _next[id]) Problem("producer " + id + " sequence " + time + ", expected " + _next[id]);
                    if (due != Due(id, (int)time)) Problem("producer " + id + " sequence " + time + ": fields torn");
                    _next[id] = (int)time + 1;
                    continue;
                }
                if (_producersDone == Producers && queue.Count == 0) return;
                if (++idle > 1000000) { Problem("consumer gave up waiting"); return; }
                Thread.Sleep(0);
            }
        }

        void Problem(string what)
        {
            _bad++;
            if (_firstProblem == null) _firstProblem = what;
        }
    }
}
