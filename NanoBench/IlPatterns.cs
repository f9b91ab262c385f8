using System.Threading;

namespace LoRaWan.NanoBench
{
    /// <summary>The interface of <see cref="IlPatterns.InterfaceCall"/>.</summary>
    public interface IStep
    {
        /// <summary>Returns <paramref name="x"/> + 1.</summary>
        int Step(int x);
    }

    /// <summary>The base class of <see cref="IlPatterns.VirtualCall"/>.</summary>
    public abstract class StepBase
    {
        /// <summary>Returns <paramref name="x"/> + 1.</summary>
        public abstract int VirtualStep(int x);
    }

    /// <summary>A struct with one field, for <see cref="IlPatterns.StructField"/>.</summary>
    public struct Cell
    {
        /// <summary>The field.</summary>
        public int Value;
    }

    /// <summary>
    /// Loops of <see cref="Iterations"/> iterations, each one IL pattern added to the same counting loop as
    /// <see cref="Empty"/>: (x86 of a loop − x86 of <see cref="Empty"/>) / <see cref="Iterations"/> is what one
    /// instance of the pattern costs nanoCLR. Each body's IL is in its comment (Roslyn, Release).
    /// </summary>
    public sealed class IlPatterns : StepBase, IStep
    {
        /// <summary>Iterations of every loop.</summary>
        public const int Iterations = 1000;

        int _field;
        static int s_field;
        readonly byte[] _bytes = new byte[16];
        readonly uint[] _words = new uint[16];
        readonly int[] _ints = new int[16];
        readonly object _lock = new object();
        Cell _cell;
        readonly Holder _holder = new Holder();
        int _shared;

        /// <summary>A class with one field, for <see cref="ClassField"/>.</summary>
        public sealed class Holder
        {
            /// <summary>The field.</summary>
            public int Value;
        }

        /// <summary>The names, in the order <see cref="Run"/> takes them.</summary>
        public static readonly string[] Names =
        {
            "empty loop", "ldloc/add/stloc (x = x + i)", "ldarg.0 ldfld / stfld on this (_f = _f + 1)", "ldsfld / stsfld (s = s + 1)",
            "ldelem.u1 (x += b[i & 15])", "ldelem.u4 (x += w[i & 15])", "stelem.i1 (b[i & 15] = x)", "stelem.i4 (w[i & 15] = x)",
            "call static (x = Inc(x))", "call instance non-virtual (x = IncThis(x))", "callvirt virtual (x = VirtualStep(x))",
            "callvirt interface (x = step.Step(x))", "lock (o) { }", "Interlocked.CompareExchange(ref _f, ..)",
            "Interlocked.CompareExchange(ref a[i], ..) (ldelema)", "Interlocked.Exchange(ref _f, ..)",
            "struct field in this (_cell.Value++)", "class field via another object (_holder.Value++)",
            "new byte[16]", "box int (object o = i)",
            "conv.u1 (x = (byte)(x + i))", "uint shr.un + xor (u = u ^ (u >> 3))", "ulong add (t = t + d)", "ldlen (x += b.Length)",
            "static table via ldsfld each time (x += T[i & 15])", "static table held in a local (x += t[i & 15])",
            "call static, callee with 6 int locals (x = IncLocals(x))", "call static, callee with a struct local (x = IncCell(x))",
            "struct copied from a field (c = _cell; x += c.Value)", "int compare and branch, not taken (if (x > i) x = i)",
            "ulong compare and branch, not taken (if (t > u) t = u)", "ldfld alone (x += _f)", "stfld alone (_f = i)",
            "ulong ldfld (t += _time)",
        };

        /// <summary>Runs loop <paramref name="which"/> (an index into <see cref="Names"/>); returns a value so nothing is dead.</summary>
        public int Run(int which)
        {
            switch (which)
            {
                case 0: return Empty();
                case 1: return Locals();
                case 2: return ThisField();
                case 3: return StaticField();
                case 4: return LoadByte();
                case 5: return LoadWord();
                case 6: return StoreByte();
                case 7: return StoreWord();
                case 8: return StaticCall();
                case 9: return InstanceCall();
                case 10: return VirtualCall();
                case 11: return InterfaceCall(this);
                case 12: return Lock();
                case 13: return CompareExchangeField();
                case 14: return CompareExchangeElement();
                case 15: return ExchangeField();
                case 16: return StructField();
                case 17: return ClassField();
                case 18: return NewArray();
                case 19: return Box();
                case 20: return ConvU1();
                case 21: return ShiftXor();
                case 22: return ULongAdd();
                case 23: return Length();
                case 24: return StaticTable();
                case 25: return StaticTableInLocal();
                case 26: return CallWithLocals();
                case 27: return CallWithStructLocal();
                case 28: return StructCopy();
                case 29: return IntCompareBranch();
                case 30: return ULongCompareBranch();
                case 31: return FieldLoad();
                case 32: return FieldStore();
                case 33: return ULongFieldLoad();
                default: return -1;
            }
        }

        /// <summary>The loop alone: ldloc i, ldc, blt; ldloc i, ldc.i4.1, add, stloc i.</summary>
        public int Empty()
        {
            int x = 0;
            for (int i = 0; i < Iterations; i++) { }
            return x;
        }

        /// <summary>ldloc x, ldloc i, add, stloc x.</summary>
        public int Locals()
        {
            int x = 0;
            for (int i = 0; i < Iterations; i++) x = x + i;
            return x;
        }

        /// <summary>ldarg.0, ldarg.0, ldfld, ldc.i4.1, add, stfld.</summary>
        public int ThisField()
        {
            for (int i = 0; i < Iterations; i++) _field = _field + 1;
            return _field;
        }

        /// <summary>ldsfld, ldc.i4.1, add, stsfld.</summary>
        public int StaticField()
        {
            for (int i = 0; i < Iterations; i++) s_field = s_field + 1;
            return s_field;
        }

        /// <summary>ldloc x, ldloc b, ldloc i, ldc 15, and, ldelem.u1, add, stloc x.</summary>
        public int LoadByte()
        {
            byte[] b = _bytes;
            int x = 0;
            for (int i = 0; i < Iterations; i++) x += b[i & 15];
            return x;
        }

        /// <summary>ldloc x, ldloc w, ldloc i, ldc 15, and, ldelem.u4, add, stloc x.</summary>
        public int LoadWord()
        {
            uint[] w = _words;
            uint x = 0;
            for (int i = 0; i < Iterations; i++) x += w[i & 15];
            return (int)x;
        }

        /// <summary>ldloc b, ldloc i, ldc 15, and, ldloc i, conv.u1, stelem.i1.</summary>
        public int StoreByte()
        {
            byte[] b = _bytes;
            for (int i = 0; i < Iterations; i++) b[i & 15] = (byte)i;
            return b[3];
        }

        /// <summary>ldloc w, ldloc i, ldc 15, and, ldloc i, stelem.i4.</summary>
        public int StoreWord()
        {
            uint[] w = _words;
            for (int i = 0; i < Iterations; i++) w[i & 15] = (uint)i;
            return (int)w[3];
        }

        static readonly uint[] s_table = new uint[16];

        /// <summary>ldloc x, ldloc i, add, conv.u1, stloc x: <see cref="Locals"/> plus one conv.u1.</summary>
        public int ConvU1()
        {
            int x = 0;
            for (int i = 0; i < Iterations; i++) x = (byte)(x + i);
            return x;
        }

        /// <summary>ldloc u, ldloc u, ldc.i4.3, shr.un, xor, stloc u.</summary>
        public int ShiftXor()
        {
            uint u = 0x12345678;
            for (int i = 0; i < Iterations; i++) u = u ^ (u >> 3);
            return (int)u;
        }

        /// <summary>ldloc t, ldloc d, add, stloc t on ulong locals (the MAC's microsecond times).</summary>
        public int ULongAdd()
        {
            ulong t = 0, d = 1000;
            for (int i = 0; i < Iterations; i++) t = t + d;
            return (int)t;
        }

        /// <summary>ldloc x, ldloc b, ldlen, conv.i4, add, stloc x.</summary>
        public int Length()
        {
            byte[] b = _bytes;
            int x = 0;
            for (int i = 0; i < Iterations; i++) x += b.Length;
            return x;
        }

        /// <summary>ldloc x, ldsfld s_table, ldloc i, ldc 15, and, ldelem.u4, add, stloc x.</summary>
        public int StaticTable()
        {
            uint x = 0;
            for (int i = 0; i < Iterations; i++) x += s_table[i & 15];
            return (int)x;
        }

        /// <summary>The same with the table in a local: ldloc t instead of ldsfld.</summary>
        public int StaticTableInLocal()
        {
            uint[] t = s_table;
            uint x = 0;
            for (int i = 0; i < Iterations; i++) x += t[i & 15];
            return (int)x;
        }

        static int Inc(int x) { return x + 1; }

        // Six int locals the path never touches (a branch over them): what entering a method with locals costs beyond
        // Inc's ldarg, ldc.i4.1, add, ret is the frame's local set-up plus ldarg, ldc.i4.0, bge (the skipped branch).
        static int IncLocals(int x)
        {
            if (x < 0)
            {
                int a = x * 3, b = a ^ x, c = b + a, d = c - b, e = d * a, f = e ^ c;
                x = a + b + c + d + e + f + a * b * c * d * e * f;
            }
            return x + 1;
        }

        // One struct local: nanoCLR allocates it on the heap each time the method is entered (InitializeLocals).
        static int IncCell(int x)
        {
            Cell c;
            c.Value = x;
            return c.Value + 1;
        }

        ulong _time = 3;

        /// <summary>ldloc x, call IncLocals (6 locals; ldarg, ldc.i4.0, bge, ldarg, ldc.i4.1, add, ret), stloc x.</summary>
        public int CallWithLocals()
        {
            int x = 0;
            for (int i = 0; i < Iterations; i++) x = IncLocals(x);
            return x;
        }

        /// <summary>ldloc x, call IncCell (a struct local: ldloca, ldarg, stfld, ldloca, ldfld, ldc.i4.1, add, ret), stloc x.</summary>
        public int CallWithStructLocal()
        {
            int x = 0;
            for (int i = 0; i < Iterations; i++) x = IncCell(x);
            return x;
        }

        /// <summary>ldarg.0, ldfld _cell (a struct: cloned), stloc c (copied into c), ldloc x, ldloca c, ldfld, add, stloc x.</summary>
        public int StructCopy()
        {
            int x = 0;
            for (int i = 0; i < Iterations; i++)
            {
                Cell c = _cell;
                x += c.Value;
            }
            return x;
        }

        /// <summary>ldloc x, ldloc i, ble (taken: x stays 0).</summary>
        public int IntCompareBranch()
        {
            int x = 0;
            for (int i = 0; i < Iterations; i++)
                if (x > i) x = i;
            return x;
        }

        /// <summary>ldloc t, ldloc u, ble.un (taken: t stays 0), on ulong locals (the MAC's times).</summary>
        public int ULongCompareBranch()
        {
            ulong t = 0, u = 1000;
            for (int i = 0; i < Iterations; i++)
                if (t > u) t = u;
            return (int)t;
        }

        /// <summary>ldloc x, ldarg.0, ldfld _field, add, stloc x.</summary>
        public int FieldLoad()
        {
            int x = 0;
            for (int i = 0; i < Iterations; i++) x += _field;
            return x;
        }

        /// <summary>ldarg.0, ldloc i, stfld _field.</summary>
        public int FieldStore()
        {
            for (int i = 0; i < Iterations; i++) _field = i;
            return _field;
        }

        /// <summary>ldloc t, ldarg.0, ldfld _time (ulong), add, stloc t.</summary>
        public int ULongFieldLoad()
        {
            ulong t = 0;
            for (int i = 0; i < Iterations; i++) t += _time;
            return (int)t;
        }

        int IncThis(int x) { return x + 1; }

        /// <summary>ldloc x, call Inc (ldarg.0, ldc.i4.1, add, ret), stloc x.</summary>
        public int StaticCall()
        {
            int x = 0;
            for (int i = 0; i < Iterations; i++) x = Inc(x);
            return x;
        }

        /// <summary>ldarg.0, ldloc x, call IncThis (non-virtual instance; Roslyn emits callvirt for the null check), stloc x.</summary>
        public int InstanceCall()
        {
            int x = 0;
            for (int i = 0; i < Iterations; i++) x = IncThis(x);
            return x;
        }

        /// <summary>Returns <paramref name="x"/> + 1.</summary>
        public override int VirtualStep(int x) { return x + 1; }

        /// <summary>Returns <paramref name="x"/> + 1.</summary>
        public int Step(int x) { return x + 1; }

        /// <summary>ldarg.0, ldloc x, callvirt StepBase.VirtualStep, stloc x.</summary>
        public int VirtualCall()
        {
            StepBase s = this;
            int x = 0;
            for (int i = 0; i < Iterations; i++) x = s.VirtualStep(x);
            return x;
        }

        /// <summary>ldloc step, ldloc x, callvirt IStep.Step, stloc x.</summary>
        public int InterfaceCall(IStep step)
        {
            int x = 0;
            for (int i = 0; i < Iterations; i++) x = step.Step(x);
            return x;
        }

        /// <summary>Monitor.Enter(o, ref taken) / Monitor.Exit(o) in try/finally, as C# compiles lock.</summary>
        public int Lock()
        {
            int x = 0;
            for (int i = 0; i < Iterations; i++)
            {
                lock (_lock) { }
            }
            return x;
        }

        /// <summary>ldarg.0, ldflda, ldloc, ldloc, call Interlocked.CompareExchange, stloc.</summary>
        public int CompareExchangeField()
        {
            int x = 0;
            for (int i = 0; i < Iterations; i++) x = Interlocked.CompareExchange(ref _shared, i + 1, i);
            return x;
        }

        /// <summary>ldloc a, ldloc i, ldc 15, and, ldelema, ldloc, ldloc, call Interlocked.CompareExchange, stloc.</summary>
        public int CompareExchangeElement()
        {
            int[] a = _ints;
            int x = 0;
            for (int i = 0; i < Iterations; i++) x = Interlocked.CompareExchange(ref a[i & 15], i, x);
            return x;
        }

        /// <summary>ldarg.0, ldflda, ldloc i, call Interlocked.Exchange, stloc.</summary>
        public int ExchangeField()
        {
            int x = 0;
            for (int i = 0; i < Iterations; i++) x = Interlocked.Exchange(ref _shared, i);
            return x;
        }

        /// <summary>ldarg.0, ldflda _cell, dup, ldfld Value, ldc.i4.1, add, stfld Value.</summary>
        public int StructField()
        {
            for (int i = 0; i < Iterations; i++) _cell.Value++;
            return _cell.Value;
        }

        /// <summary>ldarg.0, ldfld _holder, dup, ldfld Value, ldc.i4.1, add, stfld Value.</summary>
        public int ClassField()
        {
            for (int i = 0; i < Iterations; i++) _holder.Value++;
            return _holder.Value;
        }

        /// <summary>ldc.i4.s 16, newarr byte, stloc (garbage: the GC's share included).</summary>
        public int NewArray()
        {
            byte[] b = null;
            for (int i = 0; i < Iterations; i++) b = new byte[16];
            return b.Length;
        }

        /// <summary>ldloc i, box int, stloc o (garbage: the GC's share included).</summary>
        public int Box()
        {
            object o = null;
            for (int i = 0; i < Iterations; i++) o = i;
            return o == null ? 0 : 1;
        }
    }
}
