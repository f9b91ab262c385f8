using System;

namespace LoRaWan.IlMeter.Workload
{
    /// <summary>
    /// What one managed object costs on the nanoCLR heap, read from nf-interpreter (main, src/CLR): the heap is an array
    /// of <c>CLR_RT_HeapBlock</c>s and every allocation is a whole number of them.
    /// <list type="bullet">
    /// <item><c>CLR_RT_HeapBlock</c> (Include/nanoCLR_Runtime__HeapBlock.h): a 4-byte id (data type, flags, size in blocks)
    /// and an 8-byte data union on a 32-bit target (12 B: <c>CLR_RT_HeapBlock_Raw</c> is 3 × UINT32 there, the ESP32);
    /// on a 64-bit host (<c>__LP64__</c>) the union holds two pointers, 8-aligned: 24 B (<c>CLR_RT_HeapBlock_Raw</c> 6 × UINT32).</item>
    /// <item>A class instance or a value type (Core/Execution.cpp, <c>NewObject</c> →
    /// <c>ExtractHeapBlocksForClassOrValueTypes</c>): one block for the object header plus one block per instance field
    /// (<c>m_totalFields + HB_Object_Fields_Offset</c>), whatever the field's type, inherited fields included. A field of
    /// a struct type (not an enum) is a block referring to its own value-type allocation of the same shape
    /// (<c>InitializeReference</c>: <c>NewObject</c> for DATATYPE_VALUETYPE); an enum field is its underlying primitive.</item>
    /// <item>An array (Core/Execution.cpp, <c>ExtractHeapBlocksForArray</c>): <c>sizeof(CLR_RT_HeapBlock_Array)</c> (a block
    /// plus element count, element type, element size, reference flag: 20 B on 32-bit, 32 B on 64-bit) plus length × the
    /// element size of <c>c_CLR_RT_DataTypeLookup</c> (Core/TypeSystemLookup.cpp: bool/byte 1, char/short 2, int/float 4,
    /// long/double 8, DateTime/TimeSpan and every reference or struct element one block), rounded up to whole blocks
    /// (<c>CONVERTFROMSIZETOHEAPBLOCKS</c>). An array of structs also allocates each element
    /// (<c>CLR_RT_HeapBlock_Array::ClearElements</c>: <c>NewObjectFromIndex</c> per element).</item>
    /// <item>A string (Core/CLR_RT_HeapBlock_String.cpp): a literal (<c>ldstr</c>) is one block pointing into the
    /// assembly's string table; a string built at run time is one block plus its UTF-8 bytes and a terminating zero,
    /// rounded up to blocks.</item>
    /// <item>A boxed primitive (Core/CLR_RT_HeapBlock.cpp, <c>PerformBoxing</c>): two blocks; a boxed struct is laid out
    /// like the struct.</item>
    /// <item>A delegate (<c>CLR_RT_HeapBlock_Delegate</c>, Core/CLR_RT_HeapBlock_Delegate.cpp): a node block, the type and
    /// method indexes (4 B each) and the target as a block: 32 B → 3 blocks on 32-bit, 56 B → 3 blocks on 64-bit
    /// (NANOCLR_DELEGATE_PRESERVE_STACK, which adds the caller frames, is defined only for the debug virtual device).</item>
    /// <item>A static field (Core/TypeSystem.cpp, <c>CLR_RT_Assembly</c>'s <c>m_pStaticFields</c>): one block each, in the
    /// assembly's record, whatever the type; what it refers to is allocated as above.</item>
    /// </list>
    /// The heap has no per-object header beyond these blocks and no alignment beyond the block.
    /// </summary>
    public sealed class NanoHeapModel
    {
        /// <summary>The ESP32: 32-bit pointers.</summary>
        public static readonly NanoHeapModel Bits32 = new NanoHeapModel(12, 20);

        /// <summary>A 64-bit Linux build of nanoCLR (the callgrind host).</summary>
        public static readonly NanoHeapModel Bits64 = new NanoHeapModel(24, 32);

        /// <summary><c>sizeof(CLR_RT_HeapBlock)</c>.</summary>
        public readonly int Block;

        /// <summary><c>sizeof(CLR_RT_HeapBlock_Array)</c>.</summary>
        public readonly int ArrayHeader;

        NanoHeapModel(int block, int arrayHeader)
        {
            Block = block;
            ArrayHeader = arrayHeader;
        }

        /// <summary>Bytes rounded up to whole blocks (<c>CONVERTFROMSIZETOHEAPBLOCKS</c>), in bytes.</summary>
        public long Round(long bytes) => (bytes + Block - 1) / Block * Block;

        /// <summary>A class instance or value type with <paramref name="fields"/> instance fields (header block + one each).</summary>
        public long Object(int fields) => (1L + fields) * Block;

        /// <summary>An array of <paramref name="length"/> elements of <paramref name="elementSize"/> bytes (1, 2, 4, 8, or 0 for a block each).</summary>
        public long Array(long length, int elementSize) => Round(ArrayHeader + length * (elementSize == 0 ? Block : elementSize));

        /// <summary>A string: one block if it is a literal, else the block, the UTF-8 bytes and a zero.</summary>
        public long String(string s, bool literal) => literal ? Block : Round(Block + System.Text.Encoding.UTF8.GetByteCount(s) + 1);

        /// <summary>A single-cast delegate: <c>CLR_RT_HeapBlock_Delegate</c> rounded to blocks.</summary>
        public long Delegate() => Round(Block + 4 + 4 + Block);

        /// <summary>
        /// Element size of an array of <paramref name="element"/> in <c>c_CLR_RT_DataTypeLookup</c>: the primitive's bytes, an
        /// enum's underlying type, 0 (one block) for DateTime, TimeSpan, references and structs.
        /// </summary>
        public static int ElementSize(Type element)
        {
            if (element.IsEnum) element = Enum.GetUnderlyingType(element);
            if (element == typeof(bool) || element == typeof(byte) || element == typeof(sbyte)) return 1;
            if (element == typeof(char) || element == typeof(short) || element == typeof(ushort)) return 2;
            if (element == typeof(int) || element == typeof(uint) || element == typeof(float)) return 4;
            if (element == typeof(long) || element == typeof(ulong) || element == typeof(double)) return 8;
            if (element.IsPrimitive) throw new NotSupportedException("no nanoCLR element size for " + element);
            return 0;
        }
    }
}
