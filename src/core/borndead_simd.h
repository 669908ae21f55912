// The born-dead layer kernel at one SIMD level. Included by borndead.cpp once per level, each time
// inside `#pragma GCC target(...)` for that level and in its own namespace RELULAB_SIMD_NAMESPACE,
// as layerkernels_simd.h is. Internal; no include guard.
//
// Layout: unit-major, the samples contiguous. Row u of a block holds unit u (or input coordinate
// u) of every sample, rows `ld` floats apart. With N of 2 to 10 units, a sample-major row would
// fill a fraction of a vector; here each vector holds one unit of L samples, every multiply is a
// broadcast weight times a full vector, and a sample's units are in L different registers, so
// "some unit of this sample is positive" is a lane-wise OR.

namespace relulab::core {
namespace {
namespace RELULAB_SIMD_NAMESPACE {

template<int Bytes, int BlockUnits>
struct BornDeadKernels
{
    static constexpr std::size_t L = static_cast<std::size_t>(Bytes) / sizeof(float);
    // The register block: the sums of up to BlockUnits units x vectors of samples, advanced
    // together one input at a time, so that their independent chains of additions keep the adders
    // busy (one unit's chain alone would wait on every addition). Half the vector registers, the
    // rest for the inputs and the products. Wide layers take one vector of samples, so that each
    // broadcast weight folds into its multiply as a memory operand; narrow ones several (layer()).
    static constexpr int Block = BlockUnits;
    // The element types are spelled dependent on Bytes: GCC 12 drops a dependent vector_size on a
    // non-dependent type.
    using V [[gnu::vector_size(Bytes)]] = std::conditional_t<Bytes != 0, float, void>;
    using M [[gnu::vector_size(Bytes)]] = std::conditional_t<Bytes != 0, std::int32_t, void>;

    // Rows start on 64-byte boundaries and are a multiple of 64 bytes long, so that every access
    // is an aligned vector.
    static V load(const float *p) { return *reinterpret_cast<const V *>(p); }
    static void store(float *p, V v) { *reinterpret_cast<V *>(p) = v; }
    // Every lane x: x - 0 is x for every x, -0 included, so this folds to one broadcast (into the
    // multiply that uses it). (V {} + x does not: -0 + +0 is +0, an addition to be kept.)
    static V splat(float x) { return x - V {}; }

    // relu(x) = x if x > 0 else +0 (nan and -0 give +0). The x86 max returns its second operand
    // when the comparison fails (either is nan, or both are zeros), so max(x, +0) is exactly that.
    static V relu(V x)
    {
#if defined(__x86_64__) || defined(__i386__)
        // (The masked form: GCC 12's _mm512_max_ps starts from an undefined vector and warns.)
        if constexpr (Bytes == 64)
            return _mm512_mask_max_ps(V {}, static_cast<__mmask16>(0xFFFF), x, V {});
        else if constexpr (Bytes == 32)
            return _mm256_max_ps(x, V {});
        else
            return _mm_max_ps(x, V {});
#else
        return x > V {} ? x : V {};
#endif
    }

    // One dense ReLU layer, y[o][s] = relu(b[o] + w[o][0] x[0][s] + w[o][1] x[1][s] + ...) summed
    // left to right with separate multiplies and adds (no fused multiply-add: the same bits at
    // every level), for the samples of `vectors` whole vectors; alive[s] = -1 where some unit of
    // sample s is positive, 0 where the sample's layer is zero. Returns the number of alive lanes.
    // In and Out are the fan-in and width when fixed at compile time, 0 when read from `a`.
    template<int In, int Out>
    static std::size_t layer(const BornDeadLayer &a)
    {
        // Narrow layers take several vectors of samples per step, so that there are enough
        // independent sums (Out x Cols) to hide the latency of the additions.
        constexpr int Cols = Out > 0 ? std::clamp(Block / Out, 1, 4) : 1;
        M count {};
        std::size_t offset = 0;
        const std::size_t end = a.vectors * L;
        for (; offset + Cols * L <= end; offset += Cols * L)
            count -= samples<Cols, In, Out>(a, offset);
        if constexpr (Cols > 1) {
            for (; offset < end; offset += L)
                count -= samples<1, In, Out>(a, offset);
        }
        return sumLanes(count);
    }

    // Every unit for the C vectors of samples from `offset`; returns the sum of their alive masks
    // (-1 per alive lane).
    template<int C, int In, int Out>
    [[gnu::always_inline]] static M samples(const BornDeadLayer &a, std::size_t offset)
    {
        // The OR of the relu outputs' bits: +0 has none, so a lane is nonzero where some unit is
        // positive.
        M bits[C] {};
        if constexpr (Out > 0) {
            unitBlocks<C, In, Out>(a, offset, bits,
                                   std::make_integer_sequence<int, (Out + Block - 1) / Block>());
        } else {
            int o = 0;
            for (; o + Block <= a.out; o += Block)
                unitBlock<Block, C, In>(a, o, offset, bits);
            for (; o + 4 <= a.out; o += 4)
                unitBlock<4, C, In>(a, o, offset, bits);
            for (; o < a.out; ++o)
                unitBlock<1, C, In>(a, o, offset, bits);
        }
        M sum {};
#pragma GCC unroll 4
        for (int c = 0; c < C; ++c) {
            const M alive = bits[c] != M {};
            *reinterpret_cast<M *>(a.alive + offset + static_cast<std::size_t>(c) * L) = alive;
            sum += alive;
        }
        return sum;
    }

    // All Out units, in blocks of Block units (the last one shorter), fully unrolled.
    template<int C, int In, int Out, int... B>
    [[gnu::always_inline]] static void unitBlocks(const BornDeadLayer &a, std::size_t offset,
                                                  M (&bits)[C], std::integer_sequence<int, B...>)
    {
        (unitBlock<std::min(Block, Out - B * Block), C, In>(a, B * Block, offset, bits), ...);
    }

    // Units [first, first + Rows) for C vectors of samples from `offset`; ORs the outputs' bits
    // into `bits`. Each input vector is loaded once per block. The loop over the inputs is not
    // unrolled: unrolled, GCC loads all the block's weights at the top of each step and spills
    // them.
    template<int Rows, int C, int In>
    [[gnu::always_inline]] static void unitBlock(const BornDeadLayer &a, int first,
                                                 std::size_t offset, M (&bits)[C])
    {
        const auto in = static_cast<std::size_t>(In > 0 ? In : a.in);
        const float *w = a.w + static_cast<std::size_t>(first) * in;
        V acc[Rows][C];
#pragma GCC unroll 16
        for (int r = 0; r < Rows; ++r) {
            const V bias = splat(a.b[first + r]);
#pragma GCC unroll 4
            for (int c = 0; c < C; ++c)
                acc[r][c] = bias;
        }
#pragma GCC unroll 1
        for (std::size_t i = 0; i < in; ++i) {
            V x[C];
#pragma GCC unroll 4
            for (int c = 0; c < C; ++c)
                x[c] = load(a.x + i * a.ldx + offset + static_cast<std::size_t>(c) * L);
#pragma GCC unroll 16
            for (int r = 0; r < Rows; ++r) {
                const V weight = splat(w[static_cast<std::size_t>(r) * in + i]);
#pragma GCC unroll 4
                for (int c = 0; c < C; ++c)
                    acc[r][c] = acc[r][c] + weight * x[c];
            }
        }
#pragma GCC unroll 16
        for (int r = 0; r < Rows; ++r) {
            float *row = a.y + static_cast<std::size_t>(first + r) * a.ldy + offset;
#pragma GCC unroll 4
            for (int c = 0; c < C; ++c) {
                const V y = relu(acc[r][c]);
                store(row + static_cast<std::size_t>(c) * L, y);
                bits[c] |= std::bit_cast<M>(y);
            }
        }
    }

    static std::size_t sumLanes(M count)
    {
        std::size_t sum = 0;
        for (std::size_t k = 0; k < L; ++k)
            sum += static_cast<std::size_t>(count[k]);
        return sum;
    }

    // The kernels of this level: fixed sizes for widths up to FixedWidths (first layers of fan-in
    // 1 and 2, hidden layers of fan-in = width), the generic one beyond.
    template<int... W>
    static BornDeadKernelSet makeSet(std::integer_sequence<int, W...>)
    {
        BornDeadKernelSet set;
        set.lanes = L;
        set.generic = &layer<0, 0>;
        ((set.first[0][W + 1] = &layer<1, W + 1>), ...);
        ((set.first[1][W + 1] = &layer<2, W + 1>), ...);
        ((set.hidden[W + 1] = &layer<W + 1, W + 1>), ...);
        return set;
    }
    static BornDeadKernelSet set()
    {
        return makeSet(std::make_integer_sequence<int, FixedWidths>());
    }
};

} // namespace RELULAB_SIMD_NAMESPACE
} // namespace
} // namespace relulab::core
