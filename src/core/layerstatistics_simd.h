// The layer-statistics kernel at one SIMD level. Included by layerstatistics.cpp once per level
// (simdlevels.inc), inside that level's `#pragma GCC target` and its own namespace
// RELULAB_SIMD_NAMESPACE. Internal; no include guard.

namespace relulab::core {
namespace {
namespace RELULAB_SIMD_NAMESPACE {

// Elements are taken L at a time, L the doubles in a vector of `Bytes`: the bins are found in
// double (HistogramSpec), and a float block is widened to double as it is loaded.
template<class T, int Bytes>
struct StatisticsKernel
{
    static constexpr std::size_t L = static_cast<std::size_t>(Bytes) / sizeof(double);
    using D [[gnu::vector_size(Bytes)]] = DependentOn<T, double>;
    using I [[gnu::vector_size(Bytes)]] = DependentOn<T, std::int64_t>; // D's comparisons
    using U [[gnu::vector_size(Bytes)]] = DependentOn<T, std::uint64_t>;
    using I32 [[gnu::vector_size(L * 4)]] = DependentOn<T, std::int32_t>;
    using TL [[gnu::vector_size(L * sizeof(T))]] = T; // L elements as stored

    static TL load(const T *p)
    {
        TL v;
        __builtin_memcpy(&v, p, sizeof v);
        return v;
    }
    static D widen(TL v) { return __builtin_convertvector(v, D); }
    static D splat(double x) { return D {} + x; }

    // a * b + c, fused where the level has it (only the estimate uses it: its error is allowed
    // for by Binner::exactBand either way).
    static D fma(D a, D b, D c)
    {
#if defined(__x86_64__) || defined(__i386__)
        if constexpr (Bytes == 64)
            return _mm512_fmadd_pd(a, b, c);
        else if constexpr (Bytes == 32)
            return _mm256_fmadd_pd(a, b, c);
#endif
        return a * b + c;
    }

    // floor(r), for r already clamped to a few bins around the histogram (well inside int32).
    static D floorOf(D r)
    {
#if defined(__x86_64__) || defined(__i386__)
        if constexpr (Bytes == 64)
            // (The masked form: the plain one trips GCC 12's maybe-uninitialized in its header.)
            return _mm512_mask_roundscale_pd(r, 0xFF, r, _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC);
        else if constexpr (Bytes == 32)
            return _mm256_floor_pd(r);
#endif
        const D truncated = __builtin_convertvector(__builtin_convertvector(r, I32), D);
        return truncated > r ? truncated - 1.0 : truncated;
    }

    // A binner's constants as vectors, made once per block (not reloaded per vector: the stores
    // of the slots may alias anything the compiler cannot see through).
    struct Bins
    {
        explicit Bins(const Binner &b)
            : bins(b.spec().bins)
            , lower(splat(b.lower()))
            , inverseWidth(splat(b.inverseWidth()))
            , band(splat(b.exactBand()))
            , upperBand(splat(1.0 - b.exactBand()))
            , low(splat(-0.5))
            , high(splat(bins + 0.5))
            , lastBin(splat(bins - 1.0))
            , lastSlot(splat(bins))
            , firstEdge(splat(b.firstEdge()))
            , lastEdge(splat(b.lastEdge()))
            , slotOfZero(splat(b.slotOfZero()))
            , nearEdgeSlot(splat(-1.0))
            , belowSlot(splat(0.0))
            , aboveSlot(splat(bins + 1.0))
            , notFiniteSlot(splat(bins + 2.0))
            , zeroSlot(splat(bins + 3.0))
            , middle(splat(0.5))
        { }
        double bins;
        D lower, inverseWidth, band, upperBand, low, high, lastBin, lastSlot, firstEdge, lastEdge,
                slotOfZero, nearEdgeSlot, belowSlot, aboveSlot, notFiniteSlot, zeroSlot, middle;
    };

    // The bin of r (in bins from the first edge) and whether r is too close to an edge to trust.
    // r is clamped half a bin beyond the edges first: far values then sit mid-bin.
    static D binOf(const Bins &b, D r, I &nearEdge)
    {
        r = r < b.low ? b.low : r;
        r = r > b.high ? b.high : r;
        const D bin = floorOf(r);
        const D fraction = r - bin;
        // Written so that a nan (which no valid spec produces) counts as near an edge too.
        nearEdge = ~((fraction >= b.band) & (fraction <= b.upperBand));
        return bin;
    }

    // The slot of each lane (Binner's numbering), or -1 where the estimate is too close to an
    // edge to trust: those go to Binner::slot.
    static D linearSlots(const Bins &b, D x)
    {
        const I finite = (x - x) == 0.0; // nan and the infinities give nan
        const D r = (x - b.lower) * b.inverseWidth;
        I nearEdge;
        const D bin = binOf(b, finite ? r : b.middle, nearEdge);
        D slot = (bin > b.lastSlot ? b.lastSlot : bin) + 1.0;
        slot = nearEdge ? b.nearEdgeSlot : slot;
        // Zeros (half of ReLU's activations) often sit on an edge: their slot is known.
        slot = x == 0.0 ? b.slotOfZero : slot;
        return finite ? slot : b.notFiniteSlot;
    }

    // log2(1 + f) for f in [0, 1): a degree-10 polynomial through the Chebyshev nodes of [0, 1],
    // within 1.4e-9 of it (Binner's exact band allows for 2e-8 decades), by Estrin's scheme (a
    // short chain of dependent operations).
    static D log2OnePlus(D f)
    {
        constexpr double C[] = {1.366709228943086e-09, 1.4426947089272157, -0.7213339948212453,
                                0.48067990501612995, -0.3588278729117144, 0.2791867385339004,
                                -0.20968078060180104, 0.13670338100504972, -0.06788043848860574,
                                0.021720277951359387, -0.003261926701653241};
        const D f2 = f * f;
        const D f4 = f2 * f2;
        const D f8 = f4 * f4;
        const D p01 = fma(f, splat(C[1]), splat(C[0]));
        const D p23 = fma(f, splat(C[3]), splat(C[2]));
        const D p45 = fma(f, splat(C[5]), splat(C[4]));
        const D p67 = fma(f, splat(C[7]), splat(C[6]));
        const D p89 = fma(f, splat(C[9]), splat(C[8]));
        const D p03 = fma(f2, p23, p01);
        const D p47 = fma(f2, p67, p45);
        const D p8t = fma(f2, splat(C[10]), p89);
        const D p07 = fma(f4, p47, p03);
        return fma(f8, p8t, p07);
    }

    static D logSlots(const Bins &b, D v)
    {
        const I finite = (v - v) == 0.0;
        const D m = v < 0.0 ? -v : v;
        // log2 m = exponent + log2(mantissa): the exponent field read as a double (OR-ed into
        // 2^52's mantissa), the mantissa made a double in [1, 2).
        const U bits = __builtin_bit_cast(U, m);
        const U exponentBits = (bits >> 52) | 0x4330000000000000ULL;
        const U mantissaBits = (bits & 0x000FFFFFFFFFFFFFULL) | 0x3FF0000000000000ULL;
        const D exponent = __builtin_bit_cast(D, exponentBits) - (0x1p52 + 1023.0);
        const D mantissa = __builtin_bit_cast(D, mantissaBits) - 1.0;
        const D log10m = (exponent + log2OnePlus(mantissa)) * 0.30102999566398120;
        const D r = (log10m - b.lower) * b.inverseWidth;
        I nearEdge;
        D bin = binOf(b, finite ? r : b.middle, nearEdge);
        // Inside the edges (as compared exactly below), a bin of the histogram.
        bin = bin < 0.0 ? D {} : bin;
        bin = bin > b.lastBin ? b.lastBin : bin;
        D slot = nearEdge ? b.nearEdgeSlot : bin + 1.0;
        slot = m < b.firstEdge ? b.belowSlot : slot;
        slot = m >= b.lastEdge ? b.aboveSlot : slot;
        slot = m == 0.0 ? b.zeroSlot : slot;
        return finite ? slot : b.notFiniteSlot;
    }

    // Unaligned vector stores of the slots of a row. As vectors rather than memcpy: a memcpy
    // store may alias anything, and the compiler would reload every constant after it.
    using SlotsStore [[gnu::vector_size(L * 4), gnu::aligned(4)]] = DependentOn<T, std::int32_t>;

    // Stores the slots of lanes [u, u + L) and notes whether any needs the exact rule.
    static void put(std::int32_t *slots, std::size_t u, D slot, I &nearEdge)
    {
        nearEdge |= slot < 0.0;
        *reinterpret_cast<SlotsStore *>(slots + u) = __builtin_convertvector(slot, I32);
    }

    static bool any(I mask)
    {
        std::int64_t bits = 0;
        for (std::size_t k = 0; k < L; ++k)
            bits |= mask[k];
        return bits != 0;
    }

    // The slots the estimate left to the exact rule (-1), from the values they stand for.
    template<class Value>
    static void settle(std::int32_t *slots, std::size_t units, const Binner &binner, Value value)
    {
        for (std::size_t k = 0; k < units; ++k)
            if (slots[k] < 0)
                slots[k] = binner.slot(value(k));
    }

    static void run(const StatisticsBlock<T> &original, const std::array<Binner, 3> &binners,
                    LayerAccumulator &into)
    {
        // Rows without padding, and a slope the same for every unit: the block is one long row,
        // and the passes below run long loops instead of a few vectors per row.
        StatisticsBlock<T> block = original;
        const bool rectifier = block.derivative == DerivativeSource::Rectifier;
        bool uniformSlope = true;
        for (std::size_t u = 1; rectifier && u < block.units; ++u)
            uniformSlope = uniformSlope && block.slope[u] == block.slope[0];
        if (block.ld == block.units && block.rows > 1
            && (!rectifier || uniformSlope)) {
            block.units *= block.rows;
            block.ld = block.units;
            block.rows = 1;
        }
        const TL unitSlope = TL {} + (rectifier && block.units > 0 ? block.slope[0] : T(0));
        const bool flat = block.units != original.units;
        const std::size_t units = block.units;
        const std::size_t padded = (units + L - 1) / L * L;

        // Per histogram: the slots of one row, and four sets of counters (counter set j of slot
        // s at s * Sets + j) taken in turn, so that runs of one bin do not wait on each other's
        // increments.
        constexpr std::size_t Sets = 4;
        std::array<bool, 3> active {};
        std::array<std::size_t, 3> countersAt {};
        std::size_t counterSize = 0;
        for (std::size_t h = 0; h < 3; ++h) {
            active[h] = binners[h].active();
            countersAt[h] = counterSize;
            if (active[h])
                counterSize += static_cast<std::size_t>(binners[h].slotCount()) * Sets;
        }
        std::vector<std::uint32_t> counters(counterSize, 0);
        std::vector<std::int32_t> slots(3 * padded);
        const std::array<Bins, 3> bins {Bins(binners[0]), Bins(binners[1]), Bins(binners[2])};
        const bool logGradient = binners[2].spec().logMagnitude;
        const double scale = block.gradientScale;
        const D gradientScale = splat(scale);

        // Lane k of the vector at u is a unit below `units`.
        I lane {};
        for (std::size_t k = 0; k < L; ++k)
            lane[k] = static_cast<std::int64_t>(k);

        I zeros {};
        I blocked {};
        D sum {};
        const D threshold = splat(BlockedDerivative);
        const TL one = TL {} + T(1);
        // Short passes over a row, one quantity each: a long body of dependent vector operations
        // would leave the processor waiting on its latencies.
        for (std::size_t s = 0; s < block.rows; ++s) {
            const std::size_t row = s * block.ld;
            const T *pre = block.pre + row;
            const T *post = block.post + row;
            const T *gradient = block.gradient + row;
            for (std::size_t u = 0; u < padded; u += L) {
                const I valid = lane + static_cast<std::int64_t>(u) < static_cast<std::int64_t>(units);
                const TL aT = load(post + u);
                const D a = widen(aT);
                zeros -= (a == 0.0) & valid;
                sum += valid ? a : D {};
                TL derivative {};
                switch (block.derivative) {
                case DerivativeSource::Rectifier:
                    // PyTorch's rectifiers take the x <= 0 branch at 0.
                    derivative = load(pre + u) > T(0) ? one : flat ? unitSlope : load(block.slope + u);
                    break;
                case DerivativeSource::Sigmoid:
                    derivative = aT * (one - aT);
                    break;
                case DerivativeSource::Tanh:
                    derivative = one - aT * aT;
                    break;
                case DerivativeSource::Given:
                    derivative = load(block.given + row + u);
                    break;
                }
                const D d = widen(derivative);
                blocked -= (d < threshold) & (d > -threshold) & valid;
            }
            // The pre-activations' and the activations' histograms: linear bins of the values.
            for (std::size_t h : {std::size_t {0}, std::size_t {1}}) {
                if (!active[h])
                    continue;
                const T *values = h == 0 ? pre : post;
                std::int32_t *rowSlots = slots.data() + h * padded;
                I nearEdge {};
                for (std::size_t u = 0; u < padded; u += L)
                    put(rowSlots, u, linearSlots(bins[h], widen(load(values + u))), nearEdge);
                if (any(nearEdge))
                    settle(rowSlots, units, binners[h],
                           [&](std::size_t k) { return static_cast<double>(values[k]); });
            }
            if (active[2]) {
                std::int32_t *rowSlots = slots.data() + 2 * padded;
                I nearEdge {};
                for (std::size_t u = 0; u < padded; u += L) {
                    // The same product as the exact rule's below, to the bit.
                    const D v = widen(load(gradient + u)) * gradientScale;
                    put(rowSlots, u, logGradient ? logSlots(bins[2], v) : linearSlots(bins[2], v),
                        nearEdge);
                }
                if (any(nearEdge))
                    settle(rowSlots, units, binners[2],
                           [&](std::size_t k) { return static_cast<double>(gradient[k]) * scale; });
            }
            for (std::size_t h = 0; h < 3; ++h) {
                if (!active[h])
                    continue;
                const std::int32_t *rowSlots = slots.data() + h * padded;
                std::uint32_t *count = counters.data() + countersAt[h];
                for (std::size_t k = 0; k < units; ++k)
                    ++count[static_cast<std::size_t>(rowSlots[k]) * Sets + (k % Sets)];
            }
        }

        const double n = static_cast<double>(block.rows * units);
        double total = 0.0;
        for (std::size_t k = 0; k < L; ++k) {
            into.zero += static_cast<std::uint64_t>(zeros[k]);
            into.blocked += static_cast<std::uint64_t>(blocked[k]);
            total += sum[k];
        }
        if (n > 0.0) {
            const D mean = splat(total / n);
            D squares {};
            for (std::size_t s = 0; s < block.rows; ++s) {
                for (std::size_t u = 0; u < padded; u += L) {
                    const I valid = lane + static_cast<std::int64_t>(u) < static_cast<std::int64_t>(units);
                    const D deviation = widen(load(block.post + s * block.ld + u)) - mean;
                    squares += valid ? deviation * deviation : D {};
                }
            }
            double squaresTotal = 0.0;
            for (std::size_t k = 0; k < L; ++k)
                squaresTotal += squares[k];
            into.addMoments(n, total / n, squaresTotal);
        }

        std::array<Histogram *, 3> histograms {&into.preActivations, &into.activations,
                                               &into.backpropagated};
        std::vector<std::uint64_t> merged;
        for (std::size_t h = 0; h < 3; ++h) {
            if (!active[h])
                continue;
            const auto stride = static_cast<std::size_t>(binners[h].slotCount());
            merged.assign(stride, 0);
            const std::uint32_t *count = counters.data() + countersAt[h];
            for (std::size_t k = 0; k < stride; ++k)
                for (std::size_t set = 0; set < Sets; ++set)
                    merged[k] += count[k * Sets + set];
            binners[h].addSlots(*histograms[h], merged.data());
        }
    }
};

} // namespace RELULAB_SIMD_NAMESPACE
} // namespace
} // namespace relulab::core
