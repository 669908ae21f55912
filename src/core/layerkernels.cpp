#include "layerkernels.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <limits>
#include <type_traits>

#include "splitmix64.h"
#include "simdlevels.h"

// The kernels (layerkernels_simd.h) are written with GCC's generic vector types (vector_size), so
// that one source serves every SIMD level: it is compiled once per level, under that level's
// `#pragma GCC target` and with its vector width and register block, and simdLevel() picks one at
// run time. Nothing outside those regions is compiled for more than the x86-64 baseline.
// (target_clones would compile one function per level too, but with the same source: the register
// blocks must differ, 16 accumulators of 64 bytes fit AVX-512's 32 registers, not AVX2's 16.)

namespace relulab::core {

namespace {

#if defined(__x86_64__) || defined(__i386__)
constexpr bool X86 = true;
#else
constexpr bool X86 = false;
#endif

SimdLevel detectSimdLevel() noexcept
{
#ifdef RELULAB_SIMD_LEVELS
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl")
        && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512dq")
        && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")
        && __builtin_cpu_supports("bmi2"))
        return SimdLevel::Avx512;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")
        && __builtin_cpu_supports("bmi") && __builtin_cpu_supports("bmi2")
        && __builtin_cpu_supports("f16c") && __builtin_cpu_supports("movbe"))
        return SimdLevel::Avx2;
#endif
    return SimdLevel::Baseline;
}

const SimdLevel SupportedLevel = detectSimdLevel();
std::atomic<SimdLevel> ActiveLevel {SupportedLevel};

// A SIMD level's vector width in bytes and register block (Rows x Cols vectors of accumulators).
template<int Bytes, int Rows, int Cols>
struct Isa
{
    static constexpr int VectorBytes = Bytes;
    static constexpr int BlockRows = Rows;
    static constexpr int BlockCols = Cols;
};

// 32 registers of 64 bytes: 8 x 2 accumulators, two weight vectors and a broadcast.
using IsaAvx512 = Isa<64, 8, 2>;
// 16 registers of 32 bytes: 4 x 2 accumulators.
using IsaAvx2 = Isa<32, 4, 2>;
// 16 registers of 16 bytes, no fused multiply-add.
using IsaBaseline = Isa<16, 4, 2>;

template<class T>
struct SameSizeInt;
template<>
struct SameSizeInt<float>
{
    using type = std::int32_t;
};
template<>
struct SameSizeInt<double>
{
    using type = std::int64_t;
};

} // namespace
} // namespace relulab::core

// The kernels, once per SIMD level, each compiled for its level.
#define RELULAB_SIMD_KERNELS "layerkernels_simd.h"
#include "simdlevels.inc"

namespace relulab::core {
namespace {

// The levels as types, for dispatch.
#ifdef RELULAB_SIMD_LEVELS
struct Avx512Kernels
{
    template<class T>
    using Kernels = avx512::Kernels<T, IsaAvx512>;
};
struct Avx2Kernels
{
    template<class T>
    using Kernels = avx2::Kernels<T, IsaAvx2>;
};
#endif
struct BaselineKernels
{
    template<class T>
    using Kernels = baseline::Kernels<T, IsaBaseline>;
};

// Calls f(level) for the active SIMD level; f calls the level's kernels.
template<class F>
void dispatch(F &&f)
{
#ifdef RELULAB_SIMD_LEVELS
    switch (ActiveLevel.load(std::memory_order_relaxed)) {
    case SimdLevel::Avx512:
        return f(Avx512Kernels {});
    case SimdLevel::Avx2:
        return f(Avx2Kernels {});
    case SimdLevel::Baseline:
        break;
    }
#endif
    f(BaselineKernels {});
}

} // namespace

// ---- SIMD level -----------------------------------------------------------------------------

SimdLevel supportedSimdLevel() noexcept
{
    return SupportedLevel;
}

SimdLevel simdLevel() noexcept
{
    return ActiveLevel.load(std::memory_order_relaxed);
}

SimdLevel setSimdLevel(SimdLevel level) noexcept
{
    const SimdLevel effective =
            static_cast<int>(level) < static_cast<int>(SupportedLevel) ? level : SupportedLevel;
    ActiveLevel.store(effective, std::memory_order_relaxed);
    return effective;
}

std::string_view simdLevelName(SimdLevel level) noexcept
{
    switch (level) {
    case SimdLevel::Avx512:
        return X86 ? "AVX-512 (x86-64-v4)" : "AVX-512";
    case SimdLevel::Avx2:
        return X86 ? "AVX2 (x86-64-v3)" : "AVX2";
    case SimdLevel::Baseline:
        break;
    }
    return X86 ? "SSE2 (x86-64)" : "generic";
}

// ---- packing --------------------------------------------------------------------------------

bool forwardUsesTranspose(int out, int in) noexcept
{
    // Work in 64-byte vectors of floats: broadcasts times rows of W^T cost in * ceil(out / 16)
    // vector operations per sample; dot products cost out * (ceil(in / 16) + 2), the 2 for adding
    // up the lanes.
    const auto vectorsOf = [](int n) { return (n + 15) / 16; };
    return in * vectorsOf(out) <= out * (vectorsOf(in) + 2);
}

template<class T>
void PackedDense<T>::pack(const T *weight, const T *bias, int out, int in)
{
    const auto outs = static_cast<std::size_t>(out);
    const auto ins = static_cast<std::size_t>(in);
    const std::size_t outPadded = paddedWidth<T>(outs);
    const std::size_t inPadded = paddedWidth<T>(ins);
    m_view.out = out;
    m_view.in = in;

    if (ins == inPadded) {
        m_view.weight = weight;
    } else {
        m_weight.assign(outs * inPadded, T(0));
        for (std::size_t o = 0; o < outs; ++o)
            std::copy(weight + o * ins, weight + o * ins + ins, m_weight.data() + o * inPadded);
        m_view.weight = m_weight.data();
    }
    m_view.ldWeight = inPadded;

    if (forwardUsesTranspose(out, in)) {
        m_weightT.resize(ins * outPadded);
        for (std::size_t i = 0; i < ins; ++i) {
            T *row = m_weightT.data() + i * outPadded;
            for (std::size_t o = 0; o < outs; ++o)
                row[o] = weight[o * ins + i];
            std::fill(row + outs, row + outPadded, T(0));
        }
        m_view.weightT = m_weightT.data();
        m_view.ldWeightT = outPadded;
    } else {
        m_view.weightT = nullptr;
        m_view.ldWeightT = 0;
    }

    m_bias.resize(outPadded);
    std::copy(bias, bias + outs, m_bias.data());
    std::fill(m_bias.begin() + static_cast<std::ptrdiff_t>(outs), m_bias.end(), T(0));
    m_view.bias = m_bias.data();
}

// ---- kernels --------------------------------------------------------------------------------

template<class T>
void denseForward(const DenseWeights<T> &w, const T *input, std::size_t ldInput, T *pre, T *post,
                  std::size_t ld, std::size_t count, const Rectifier<T> *f)
{
    dispatch([&](auto isa) {
        decltype(isa)::template Kernels<T>::forward(w, input, ldInput, pre, post, ld, count, f);
    });
}

template<class T>
void denseWeightGradient(const T *grad, std::size_t ldGrad, const T *input, std::size_t ldInput,
                         int out, int in, std::size_t count, T *gradWeight, T *gradBias)
{
    dispatch([&](auto isa) {
        decltype(isa)::template Kernels<T>::weightGradient(grad, ldGrad, input, ldInput, out, in,
                                                           count, gradWeight, gradBias);
    });
}

template<class T>
void denseInputGradient(const DenseWeights<T> &w, const T *grad, std::size_t ldGrad, T *back,
                        std::size_t ldBack, std::size_t count, const Rectifier<T> *f, const T *pre,
                        T *alphaGradient)
{
    dispatch([&](auto isa) {
        decltype(isa)::template Kernels<T>::inputGradient(w, grad, ldGrad, back, ldBack, count, f,
                                                          pre, alphaGradient);
    });
}

template<class T>
void rreluDraws(std::uint64_t stream, std::uint64_t batch, std::uint64_t position, int units,
                std::size_t count, double lower, double upper, T *out, std::size_t ld)
{
    dispatch([&](auto isa) {
        decltype(isa)::template Kernels<T>::rreluDraws(stream, batch, position, units, count, lower,
                                                       upper, out, ld);
    });
}

template<class T>
bool countUnits(const T *pre, std::size_t ld, int units, std::size_t count, const T *slope,
                std::uint32_t *positive, std::uint32_t *nonzeroSlope)
{
    bool finite = true;
    dispatch([&](auto isa) {
        finite = decltype(isa)::template Kernels<T>::countUnits(pre, ld, units, count, slope,
                                                                positive, nonzeroSlope);
    });
    return finite;
}

template<class T>
void sigmoidElements(const T *pre, T *post, std::size_t count)
{
    dispatch([&](auto isa) { decltype(isa)::template Kernels<T>::sigmoidElements(pre, post, count); });
}

template<class T>
void tanhElements(const T *pre, T *post, std::size_t count)
{
    dispatch([&](auto isa) { decltype(isa)::template Kernels<T>::tanhElements(pre, post, count); });
}

// T is a type here, which cannot be parenthesised.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define RELULAB_INSTANTIATE_KERNELS(T)                                                             \
    template class PackedDense<T>;                                                                 \
    template void denseForward<T>(const DenseWeights<T> &, const T *, std::size_t, T *, T *,       \
                                  std::size_t, std::size_t, const Rectifier<T> *);                 \
    template void denseWeightGradient<T>(const T *, std::size_t, const T *, std::size_t, int, int, \
                                         std::size_t, T *, T *);                                   \
    template void denseInputGradient<T>(const DenseWeights<T> &, const T *, std::size_t, T *,      \
                                        std::size_t, std::size_t, const Rectifier<T> *, const T *, \
                                        T *);                                                      \
    template void rreluDraws<T>(std::uint64_t, std::uint64_t, std::uint64_t, int, std::size_t,     \
                                double, double, T *, std::size_t);                                 \
    template bool countUnits<T>(const T *, std::size_t, int, std::size_t, const T *,               \
                                std::uint32_t *, std::uint32_t *);                                 \
    template void sigmoidElements<T>(const T *, T *, std::size_t);                                 \
    template void tanhElements<T>(const T *, T *, std::size_t);
// NOLINTEND(bugprone-macro-parentheses)

RELULAB_INSTANTIATE_KERNELS(float)
RELULAB_INSTANTIATE_KERNELS(double)

#undef RELULAB_INSTANTIATE_KERNELS

} // namespace relulab::core
