// The kernels of one element type at one SIMD level. Included by layerkernels.cpp once per level,
// each time inside `#pragma GCC target(...)` for that level and in its own namespace
// RELULAB_SIMD_NAMESPACE, so that every function here (lambdas included) is compiled for the
// level: nothing depends on what the compiler chooses to inline. Internal; no include guard.

namespace relulab::core {
namespace {
namespace RELULAB_SIMD_NAMESPACE {

template<class T, class I>
struct Kernels
{
    static constexpr int Bytes = I::VectorBytes;
    static constexpr int R = I::BlockRows;
    static constexpr int C = I::BlockCols;
    static constexpr std::size_t L = static_cast<std::size_t>(Bytes) / sizeof(T);
    using V [[gnu::vector_size(Bytes)]] = T;
    using M [[gnu::vector_size(Bytes)]] = typename SameSizeInt<T>::type; // comparison results
    // For the RReLU draws: 64-bit lanes, and as many T. (The element types are spelled dependent
    // on T: GCC 12 drops a dependent vector_size on a non-dependent type.)
    static constexpr std::size_t Lanes = static_cast<std::size_t>(Bytes) / sizeof(std::uint64_t);
    using U [[gnu::vector_size(Bytes)]] = DependentOn<T, std::uint64_t>;
    using D [[gnu::vector_size(Bytes)]] = DependentOn<T, double>;
    using Out [[gnu::vector_size(Lanes * sizeof(T))]] = T;

    // Unaligned vectors of T. Accessed as vectors rather than with memcpy, whose stores may alias
    // anything and would make the compiler reload every pointer and size after each store; GCC's
    // vector types alias their element type only.
    using Unaligned [[gnu::vector_size(Bytes), gnu::aligned(alignof(T))]] = T;

    static V load(const T *p) { return *reinterpret_cast<const Unaligned *>(p); }
    static void store(T *p, V v) { *reinterpret_cast<Unaligned *>(p) = v; }
    static V splat(T x) { return V {} + x; }

    // a * b + c, one rounding where the level has a fused multiply-add, two (the baseline)
    // otherwise. Spelled out: the file is compiled without contraction (-ffp-contract=off), so
    // which operations are fused never depends on how the compiler inlined or scheduled a copy.
    static V fma(V a, V b, V c)
    {
#if defined(__x86_64__) || defined(__i386__)
        // The vector width tells the level: 64 bytes only in the AVX-512 copy, 32 only in the
        // AVX2 + FMA one. (GCC 12 does not define __AVX512F__ or __FMA__ under the pragma.)
        if constexpr (Bytes == 64 && sizeof(T) == 4)
            return _mm512_fmadd_ps(a, b, c);
        else if constexpr (Bytes == 64)
            return _mm512_fmadd_pd(a, b, c);
        else if constexpr (Bytes == 32 && sizeof(T) == 4)
            return _mm256_fmadd_ps(a, b, c);
        else if constexpr (Bytes == 32)
            return _mm256_fmadd_pd(a, b, c);
#endif
        return a * b + c;
    }
    static std::size_t vectors(std::size_t width)
    {
        return (width + L - 1) / L;
    }

    // Lanes [0, n) set.
    static M laneMask(std::size_t n)
    {
        M m {};
        for (std::size_t k = 0; k < L; ++k)
            m[k] = k < n ? -1 : 0;
        return m;
    }

    // Sum of the lanes, halving the vector each time (a fixed order).
    template<int B>
    static T sumLanes(const T *lanes)
    {
        if constexpr (B == static_cast<int>(sizeof(T))) {
            return lanes[0];
        } else {
            using H [[gnu::vector_size(B / 2)]] = T;
            H lo, hi;
            __builtin_memcpy(&lo, lanes, sizeof lo);
            __builtin_memcpy(&hi, lanes + B / 2 / static_cast<int>(sizeof(T)), sizeof hi);
            const H sum = lo + hi;
            T half[B / 2 / sizeof(T)];
            __builtin_memcpy(half, &sum, sizeof half);
            return sumLanes<B / 2>(half);
        }
    }
    static T hsum(V v)
    {
        T lanes[L];
        __builtin_memcpy(lanes, &v, sizeof lanes);
        return sumLanes<Bytes>(lanes);
    }

    // acc[r][j] += sum_{k < depth} a[r * aRow + k * aCol] * b[k * ldb + j * L]: the register
    // block of every product here, a broadcast of `a` times vectors of `b`.
    template<int Rows, int Cols>
    [[gnu::always_inline]] static void accumulate(V (&acc)[Rows][Cols], const T *a,
                                                  std::size_t aRow, std::size_t aCol,
                                                  std::size_t depth, const T *b, std::size_t ldb)
    {
        // Not unrolled: unrolling a loop of fixed length spills the accumulators.
#pragma GCC unroll 1
        for (std::size_t k = 0; k < depth; ++k) {
            V w[Cols];
#pragma GCC unroll 16
            for (int j = 0; j < Cols; ++j)
                w[j] = load(b + k * ldb + static_cast<std::size_t>(j) * L);
#pragma GCC unroll 16
            for (int r = 0; r < Rows; ++r) {
                const T x = a[static_cast<std::size_t>(r) * aRow + k * aCol];
#pragma GCC unroll 16
                for (int j = 0; j < Cols; ++j)
                    acc[r][j] = fma(splat(x), w[j], acc[r][j]);
            }
        }
    }

    // The same over a long depth with few accumulators (Rows x Cols below what hides the latency
    // of the additions): Split interleaved partial sums over k, added up in a fixed order at the
    // end.
    template<int Rows, int Cols>
    [[gnu::always_inline]] static void accumulateLong(V (&acc)[Rows][Cols], const T *a,
                                                      std::size_t aRow, std::size_t aCol,
                                                      std::size_t depth, const T *b, std::size_t ldb)
    {
        constexpr int Split = Rows * Cols >= 8 ? 1 : (Rows * Cols >= 4 ? 2 : 4);
        if constexpr (Split == 1) {
            accumulate(acc, a, aRow, aCol, depth, b, ldb);
        } else {
            V part[Split][Rows][Cols];
#pragma GCC unroll 16
            for (int p = 0; p < Split; ++p)
                zero(part[p]);
            std::size_t k = 0;
#pragma GCC unroll 1
            for (; k + Split <= depth; k += Split) {
#pragma GCC unroll 16
                for (int p = 0; p < Split; ++p) {
                    const std::size_t kk = k + static_cast<std::size_t>(p);
#pragma GCC unroll 16
                    for (int r = 0; r < Rows; ++r) {
                        const T x = a[static_cast<std::size_t>(r) * aRow + kk * aCol];
#pragma GCC unroll 16
                        for (int j = 0; j < Cols; ++j)
                            part[p][r][j] = fma(splat(x),
                                                load(b + kk * ldb + static_cast<std::size_t>(j) * L),
                                                part[p][r][j]);
                    }
                }
            }
            accumulate(part[0], a + k * aCol, aRow, aCol, depth - k, b + k * ldb, ldb);
#pragma GCC unroll 16
            for (int r = 0; r < Rows; ++r) {
#pragma GCC unroll 16
                for (int j = 0; j < Cols; ++j) {
                    V sum = part[0][r][j];
#pragma GCC unroll 16
                    for (int p = 1; p < Split; ++p)
                        sum += part[p][r][j];
                    acc[r][j] += sum;
                }
            }
        }
    }

    template<int Rows, int Cols>
    [[gnu::always_inline]] static void zero(V (&acc)[Rows][Cols])
    {
#pragma GCC unroll 16
        for (int r = 0; r < Rows; ++r) {
#pragma GCC unroll 16
            for (int j = 0; j < Cols; ++j)
                acc[r][j] = V {};
        }
    }

    // Calls tile.template operator()<rows>(first) over [0, n) in blocks of R rows, the rest in
    // blocks of R/2, R/4, ..., 1.
    template<int Rows, class Tile>
    [[gnu::always_inline]] static void forRowBlocks(std::size_t &first, std::size_t n, Tile &tile)
    {
        for (; first + Rows <= n; first += Rows)
            tile.template operator()<Rows>(first);
        if constexpr (Rows > 1)
            forRowBlocks<Rows / 2>(first, n, tile);
    }
    template<class Tile>
    [[gnu::always_inline]] static void rowBlocks(std::size_t n, Tile &&tile)
    {
        std::size_t first = 0;
        forRowBlocks<R>(first, n, tile);
    }

    // ---- rectifiers -------------------------------------------------------------------------

    // The fused activation, fixed at compile time so that the epilogues of the register blocks
    // carry no branches.
    enum class Act { None, Relu, Leaky, RreluDrawn, RreluSlope };
    template<Act A>
    using ActTag = std::integral_constant<Act, A>;

    // Calls body(ActTag<...>{}) for the rectifier f (None without one).
    template<class Body>
    [[gnu::always_inline]] static void withAct(const Rectifier<T> *f, Body &&body)
    {
        if (!f)
            return body(ActTag<Act::None> {});
        switch (f->kind) {
        case Rectifier<T>::Kind::Relu:
            return body(ActTag<Act::Relu> {});
        case Rectifier<T>::Kind::Leaky:
            return body(ActTag<Act::Leaky> {});
        case Rectifier<T>::Kind::Rrelu:
            if (f->drawn)
                return body(ActTag<Act::RreluDrawn> {});
            return body(ActTag<Act::RreluSlope> {});
        }
    }

    // f(x) as activations.h defines it, lane by lane.
    template<Act A>
    static V rectify(V x, const T *slope, const T *drawn, std::size_t unit, std::size_t at)
    {
        const V zero {};
        if constexpr (A == Act::Relu)
            return x < zero ? zero : x; // relu
        else if constexpr (A == Act::Leaky || A == Act::RreluSlope)
            return x > zero ? x : load(slope + unit) * x; // leakyRelu
        else if constexpr (A == Act::RreluDrawn)
            return x <= zero ? load(drawn + at) * x : x; // rreluTraining
        else
            return x;
    }
    template<Act A>
    static T rectifyScalar(T x, const T *slope, const T *drawn, std::size_t unit, std::size_t at)
    {
        if constexpr (A == Act::Relu)
            return relu(x);
        else if constexpr (A == Act::Leaky || A == Act::RreluSlope)
            return leakyRelu(x, slope[unit]);
        else if constexpr (A == Act::RreluDrawn)
            return rreluTraining(x, drawn[at]);
        else
            return x;
    }
    // x * f'(p), PyTorch's conventions (see Rectifier).
    template<Act A>
    static V throughDerivative(V x, V p, const T *slope, const T *drawn, std::size_t unit, std::size_t at)
    {
        const V zero {};
        if constexpr (A == Act::Relu) {
            return p > zero ? x : zero;
        } else if constexpr (A == Act::Leaky) {
            return p > zero ? x : x * load(slope + unit);
        } else if constexpr (A == Act::RreluDrawn || A == Act::RreluSlope) {
            const V d = A == Act::RreluDrawn ? load(drawn + at) : load(slope + unit);
            return p <= zero ? x * d : (p > zero ? x : x * p); // nan at nan
        } else {
            return x;
        }
    }

    // ---- dense layer ------------------------------------------------------------------------

    static void forward(const DenseWeights<T> &w, const T *input, std::size_t ldInput, T *pre,
                        T *post, std::size_t ld, std::size_t count, const Rectifier<T> *f)
    {
        const T *slope = f ? f->slope : nullptr;
        const T *drawn = f ? f->drawn : nullptr;
        withAct(f, [&](auto act) {
            constexpr Act A = decltype(act)::value;
            if (forwardUsesTranspose(w.out, w.in)) {
                forwardTransposed<A>(w, input, ldInput, pre, post, ld, count, slope, drawn);
                return;
            }
            // Few outputs: the sums, then f.
            forwardDot(w, input, ldInput, pre, ld, count);
            if constexpr (A != Act::None) {
                const auto out = static_cast<std::size_t>(w.out);
                for (std::size_t s = 0; s < count; ++s) {
                    for (std::size_t o = 0; o < out; ++o) {
                        const std::size_t at = s * ld + o;
                        post[at] = rectifyScalar<A>(pre[at], slope, drawn, o, at);
                    }
                }
            }
        });
    }

    // pre[s][o-vector] = b + sum_i input[s][i] W^T[i][o-vector].
    template<int Cols, Act A>
    static void forwardColumns(const DenseWeights<T> &w, const T *input, std::size_t ldInput,
                               T *pre, T *post, std::size_t ld, std::size_t count, const T *slope,
                               const T *drawn, std::size_t column)
    {
        const auto in = static_cast<std::size_t>(w.in);
        const T *bias = w.bias + column;
        const T *weightT = w.weightT + column;
        const std::size_t ldWeightT = w.ldWeightT;
        rowBlocks(count, [&]<int Rows>(std::size_t s) {
            V acc[Rows][Cols];
#pragma GCC unroll 16
            for (int j = 0; j < Cols; ++j) {
                const V b = load(bias + static_cast<std::size_t>(j) * L);
#pragma GCC unroll 16
                for (int r = 0; r < Rows; ++r)
                    acc[r][j] = b;
            }
            accumulate(acc, input + s * ldInput, ldInput, 1, in, weightT, ldWeightT);
#pragma GCC unroll 16
            for (int r = 0; r < Rows; ++r) {
#pragma GCC unroll 16
                for (int j = 0; j < Cols; ++j) {
                    const std::size_t unit = column + static_cast<std::size_t>(j) * L;
                    const std::size_t at = (s + static_cast<std::size_t>(r)) * ld + unit;
                    store(pre + at, acc[r][j]);
                    if constexpr (A != Act::None)
                        store(post + at, rectify<A>(acc[r][j], slope, drawn, unit, at));
                }
            }
        });
    }

    template<Act A>
    static void forwardTransposed(const DenseWeights<T> &w, const T *input, std::size_t ldInput,
                                  T *pre, T *post, std::size_t ld, std::size_t count,
                                  const T *slope, const T *drawn)
    {
        const std::size_t n = vectors(static_cast<std::size_t>(w.out));
        std::size_t j = 0;
        for (; j + C <= n; j += C)
            forwardColumns<C, A>(w, input, ldInput, pre, post, ld, count, slope, drawn, j * L);
        for (; j < n; ++j)
            forwardColumns<1, A>(w, input, ldInput, pre, post, ld, count, slope, drawn, j * L);
    }

    // pre[s][o] = b[o] + sum over the input vectors of input[s][i-vector] W[o][i-vector], for few
    // outputs.
    static void forwardDot(const DenseWeights<T> &w, const T *input, std::size_t ldInput, T *pre,
                           std::size_t ld, std::size_t count)
    {
        const auto in = static_cast<std::size_t>(w.in);
        const std::size_t full = in / L;
        const std::size_t rest = in % L;
        const M mask = laneMask(rest);
        rowBlocks(count, [&]<int Rows>(std::size_t s) {
            for (int o = 0; o < w.out; ++o) {
                const T *weight = w.weight + static_cast<std::size_t>(o) * w.ldWeight;
                V acc[Rows];
#pragma GCC unroll 16
                for (int r = 0; r < Rows; ++r)
                    acc[r] = V {};
#pragma GCC unroll 1
                for (std::size_t v = 0; v < full; ++v) {
                    const V wv = load(weight + v * L);
#pragma GCC unroll 16
                    for (int r = 0; r < Rows; ++r)
                        acc[r] = fma(load(input + (s + static_cast<std::size_t>(r)) * ldInput + v * L),
                                     wv, acc[r]);
                }
                if (rest > 0) {
                    const V wv = load(weight + full * L);
#pragma GCC unroll 16
                    for (int r = 0; r < Rows; ++r) {
                        // Padding lanes (anything, nan included) to +0 by their bits.
                        const V x = std::bit_cast<V>(
                                std::bit_cast<M>(load(input + (s + static_cast<std::size_t>(r)) * ldInput
                                                      + full * L))
                                & mask);
                        acc[r] = fma(x, wv, acc[r]);
                    }
                }
#pragma GCC unroll 16
                for (int r = 0; r < Rows; ++r)
                    pre[(s + static_cast<std::size_t>(r)) * ld + static_cast<std::size_t>(o)] =
                            w.bias[o] + hsum(acc[r]);
            }
        });
    }

    // gradWeight[o][i-vector] = sum_s grad[s][o] input[s][i-vector], for rows o of `out`
    // starting at `row`, and the input vectors starting at lane `column`.
    template<int Rows, int Cols>
    [[gnu::always_inline]] static void
    weightTileAlongInputs(const T *grad, std::size_t ldGrad, const T *input, std::size_t ldInput,
                          std::size_t in, std::size_t count, T *gradWeight, std::size_t row,
                          std::size_t column)
    {
        V acc[Rows][Cols];
        zero(acc);
        accumulateLong(acc, grad + row, 1, ldGrad, count, input + column, ldInput);
#pragma GCC unroll 16
        for (int r = 0; r < Rows; ++r) {
            T *target = gradWeight + (row + static_cast<std::size_t>(r)) * in;
#pragma GCC unroll 16
            for (int j = 0; j < Cols; ++j) {
                const std::size_t i = column + static_cast<std::size_t>(j) * L;
                if (i + L <= in) {
                    store(target + i, acc[r][j]);
                } else {
                    for (std::size_t k = 0; i + k < in; ++k)
                        target[i + k] = acc[r][j][k];
                }
            }
        }
    }

    // The same with the outputs along the vectors: gradWeight^T[i][o-vector] = sum_s input[s][i]
    // grad[s][o-vector], for layers with few inputs.
    template<int Rows, int Cols>
    [[gnu::always_inline]] static void
    weightTileAlongOutputs(const T *grad, std::size_t ldGrad, const T *input, std::size_t ldInput,
                           std::size_t in, std::size_t out, std::size_t count, T *gradWeight,
                           std::size_t row, std::size_t column)
    {
        V acc[Rows][Cols];
        zero(acc);
        accumulateLong(acc, input + row, 1, ldInput, count, grad + column, ldGrad);
#pragma GCC unroll 16
        for (int r = 0; r < Rows; ++r) {
            const std::size_t i = row + static_cast<std::size_t>(r);
#pragma GCC unroll 16
            for (int j = 0; j < Cols; ++j) {
                const std::size_t o = column + static_cast<std::size_t>(j) * L;
                for (std::size_t k = 0; k < L && o + k < out; ++k)
                    gradWeight[(o + k) * in + i] = acc[r][j][k];
            }
        }
    }

    template<int Rows>
    static void weightRowsAlongInputs(const T *grad, std::size_t ldGrad, const T *input,
                                      std::size_t ldInput, std::size_t in, std::size_t count,
                                      T *gradWeight, std::size_t row)
    {
        const std::size_t n = vectors(in);
        std::size_t j = 0;
        for (; j + C <= n; j += C)
            weightTileAlongInputs<Rows, C>(grad, ldGrad, input, ldInput, in, count, gradWeight, row,
                                           j * L);
        for (; j < n; ++j)
            weightTileAlongInputs<Rows, 1>(grad, ldGrad, input, ldInput, in, count, gradWeight, row,
                                           j * L);
    }

    template<int Rows>
    static void weightRowsAlongOutputs(const T *grad, std::size_t ldGrad, const T *input,
                                       std::size_t ldInput, std::size_t in, std::size_t out,
                                       std::size_t count, T *gradWeight, std::size_t row)
    {
        const std::size_t n = vectors(out);
        std::size_t j = 0;
        for (; j + C <= n; j += C)
            weightTileAlongOutputs<Rows, C>(grad, ldGrad, input, ldInput, in, out, count,
                                            gradWeight, row, j * L);
        for (; j < n; ++j)
            weightTileAlongOutputs<Rows, 1>(grad, ldGrad, input, ldInput, in, out, count,
                                            gradWeight, row, j * L);
    }

    static void weightGradient(const T *grad, std::size_t ldGrad, const T *input, std::size_t ldInput,
                               int outputs, int inputs, std::size_t count, T *gradWeight, T *gradBias)
    {
        const auto out = static_cast<std::size_t>(outputs);
        const auto in = static_cast<std::size_t>(inputs);
        // Vectors along whichever side wastes fewer lanes.
        if (out * vectors(in) <= in * vectors(out)) {
            rowBlocks(out, [&]<int Rows>(std::size_t o) {
                weightRowsAlongInputs<Rows>(grad, ldGrad, input, ldInput, in, count, gradWeight, o);
            });
        } else {
            rowBlocks(in, [&]<int Rows>(std::size_t i) {
                weightRowsAlongOutputs<Rows>(grad, ldGrad, input, ldInput, in, out, count,
                                             gradWeight, i);
            });
        }
        // Bias: four partial sums per vector, so that the additions do not wait on each other.
        for (std::size_t j = 0; j < vectors(out); ++j) {
            const std::size_t o = j * L;
            V sum[4] = {};
            std::size_t s = 0;
            for (; s + 4 <= count; s += 4) {
#pragma GCC unroll 4
                for (std::size_t k = 0; k < 4; ++k)
                    sum[k] += load(grad + (s + k) * ldGrad + o);
            }
            for (; s < count; ++s)
                sum[0] += load(grad + s * ldGrad + o);
            const V total = (sum[0] + sum[1]) + (sum[2] + sum[3]);
            for (std::size_t k = 0; k < L && o + k < out; ++k)
                gradBias[o + k] = total[k];
        }
    }

    // back[s][i-vector] = f'(pre) * sum_o grad[s][o] W[o][i-vector].
    template<int Cols, Act A, bool Alpha>
    static void inputColumns(const DenseWeights<T> &w, const T *grad, std::size_t ldGrad, T *back,
                             std::size_t ldBack, std::size_t count, const T *slope, const T *drawn,
                             const T *pre, T *alphaGradient, std::size_t column)
    {
        const auto out = static_cast<std::size_t>(w.out);
        const T *weight = w.weight + column;
        const std::size_t ldWeight = w.ldWeight;
        V alpha[Cols] = {};
        rowBlocks(count, [&]<int Rows>(std::size_t s) {
            V acc[Rows][Cols];
            zero(acc);
            accumulate(acc, grad + s * ldGrad, ldGrad, 1, out, weight, ldWeight);
#pragma GCC unroll 16
            for (int r = 0; r < Rows; ++r) {
#pragma GCC unroll 16
                for (int j = 0; j < Cols; ++j) {
                    const std::size_t unit = column + static_cast<std::size_t>(j) * L;
                    const std::size_t at = (s + static_cast<std::size_t>(r)) * ldBack + unit;
                    V x = acc[r][j];
                    if constexpr (A != Act::None) {
                        const V p = load(pre + at);
                        if constexpr (Alpha)
                            alpha[j] += p > V {} ? V {} : x * p;
                        x = throughDerivative<A>(x, p, slope, drawn, unit, at);
                    }
                    store(back + at, x);
                }
            }
        });
        if constexpr (Alpha) {
            const auto in = static_cast<std::size_t>(w.in);
            for (int j = 0; j < Cols; ++j) {
                const std::size_t i = column + static_cast<std::size_t>(j) * L;
                for (std::size_t k = 0; k < L && i + k < in; ++k)
                    alphaGradient[i + k] += alpha[j][k];
            }
        }
    }

    static void inputGradient(const DenseWeights<T> &w, const T *grad, std::size_t ldGrad, T *back,
                              std::size_t ldBack, std::size_t count, const Rectifier<T> *f,
                              const T *pre, T *alphaGradient)
    {
        const T *slope = f ? f->slope : nullptr;
        const T *drawn = f ? f->drawn : nullptr;
        const std::size_t n = vectors(static_cast<std::size_t>(w.in));
        withAct(f, [&](auto act) {
            constexpr Act A = decltype(act)::value;
            const auto run = [&](auto withAlpha) {
                constexpr bool Alpha = decltype(withAlpha)::value;
                std::size_t j = 0;
                for (; j + C <= n; j += C)
                    inputColumns<C, A, Alpha>(w, grad, ldGrad, back, ldBack, count, slope, drawn,
                                              pre, alphaGradient, j * L);
                for (; j < n; ++j)
                    inputColumns<1, A, Alpha>(w, grad, ldGrad, back, ldBack, count, slope, drawn,
                                              pre, alphaGradient, j * L);
            };
            if constexpr (A != Act::None) {
                if (alphaGradient)
                    return run(std::true_type {});
            }
            run(std::false_type {});
        });
    }

    // ---- sigmoid and tanh -------------------------------------------------------------------

    // exp (Tanh false) or tanh (true) of every lane: glibc's vector maths library (libmvec) has a
    // variant per level (simdlevels.h); elsewhere lane by lane with std::exp and std::tanh.
    template<bool Tanh>
    static V vectorMath(V x)
    {
#ifdef RELULAB_LIBMVEC
        // The variant `f` of this level, on x as its own vector type W.
        const auto call = [x]<class W>(W (*f)(W)) { return std::bit_cast<V>(f(std::bit_cast<W>(x))); };
#ifdef RELULAB_SIMD_LEVELS
        if constexpr (Bytes == 64 && sizeof(T) == 8)
            return call(Tanh ? _ZGVeN8v_tanh : _ZGVeN8v_exp);
        else if constexpr (Bytes == 64)
            return call(Tanh ? _ZGVeN16v_tanhf : _ZGVeN16v_expf);
        else if constexpr (Bytes == 32 && sizeof(T) == 8)
            return call(Tanh ? _ZGVdN4v_tanh : _ZGVdN4v_exp);
        else if constexpr (Bytes == 32)
            return call(Tanh ? _ZGVdN8v_tanhf : _ZGVdN8v_expf);
#endif
        if constexpr (Bytes == 16 && sizeof(T) == 8)
            return call(Tanh ? _ZGVbN2v_tanh : _ZGVbN2v_exp);
        else if constexpr (Bytes == 16)
            return call(Tanh ? _ZGVbN4v_tanhf : _ZGVbN4v_expf);
#endif
        V r;
        for (std::size_t i = 0; i < L; ++i)
            r[i] = Tanh ? std::tanh(x[i]) : std::exp(x[i]);
        return r;
    }

    // post[k] = f(pre[k]) for k < count, every element in a vector (the last through a padded
    // copy), so an element's value never depends on where it sits in the buffer.
    template<class F>
    static void mapElements(const T *pre, T *post, std::size_t count, F f)
    {
        std::size_t k = 0;
        for (; k + L <= count; k += L)
            store(post + k, f(load(pre + k)));
        if (k < count) {
            V x {};
            for (std::size_t i = 0; k + i < count; ++i)
                x[i] = pre[k + i];
            const V y = f(x);
            for (std::size_t i = 0; k + i < count; ++i)
                post[k + i] = y[i];
        }
    }
    static void sigmoidElements(const T *pre, T *post, std::size_t count)
    {
        // 1 / (1 + exp(-x)), as activations.h's sigmoid: exp(-x) = inf far left gives 0.
        mapElements(pre, post, count, [](V x) { return splat(T(1)) / (splat(T(1)) + vectorMath<false>(-x)); });
    }
    static void tanhElements(const T *pre, T *post, std::size_t count)
    {
        mapElements(pre, post, count, [](V x) { return vectorMath<true>(x); });
    }

    // ---- analysis ---------------------------------------------------------------------------

    static bool countUnits(const T *pre, std::size_t ld, int unitCount, std::size_t count,
                           const T *slope, std::uint32_t *positive, std::uint32_t *nonzeroSlope)
    {
        const auto units = static_cast<std::size_t>(unitCount);
        const V zero {};
        // Finite and nan by the bits (|x| below, above the exponent of inf): comparisons of
        // floats for nan are not vectorised by GCC here.
        using Int = typename SameSizeInt<T>::type;
        constexpr Int Magnitude = std::numeric_limits<Int>::max();
        constexpr Int Infinity = sizeof(T) == 4 ? Int(0x7f800000) : Int(0x7ff0000000000000);
        const M one = M {} + 1;
        bool finite = true;
        for (std::size_t u = 0; u < units; u += L) {
            // Counts by selects: GCC 12 turns a comparison used as an integer into scalar code.
            M pos {};
            M nan {};
            M bad {};
            for (std::size_t s = 0; s < count; ++s) {
                const V p = load(pre + s * ld + u);
                M bits;
                __builtin_memcpy(&bits, &p, sizeof bits);
                const M magnitude = bits & Magnitude;
                pos += p > zero ? one : M {};
                nan += magnitude > Infinity ? one : M {};
                bad = magnitude >= Infinity ? one : bad;
            }
            // Padding lanes of the last vector may hold anything: only the units count.
            const std::size_t valid = std::min(L, units - u);
            for (std::size_t k = 0; k < valid; ++k) {
                const auto positiveHere = static_cast<std::uint32_t>(pos[k]);
                positive[u + k] += positiveHere;
                // f' = 1 above 0, a at or below, nan at nan.
                nonzeroSlope[u + k] += !slope  ? positiveHere
                        : slope[u + k] != T(0) ? static_cast<std::uint32_t>(count)
                                               : positiveHere + static_cast<std::uint32_t>(nan[k]);
                finite = finite && bad[k] == 0;
            }
        }
        return finite;
    }

    // ---- RReLU draws ------------------------------------------------------------------------

    static void rreluDraws(std::uint64_t stream, std::uint64_t batch, std::uint64_t position,
                           int unitCount, std::size_t count, double lower, double upper, T *out,
                           std::size_t ld)
    {
        const auto units = static_cast<std::size_t>(unitCount);
        const double range = upper - lower;
        const std::uint64_t unitStep = batch * SplitMix64::Gamma;
        for (std::size_t u = 0; u < units; u += Lanes) {
            U offset;
            for (std::size_t k = 0; k < Lanes; ++k)
                offset[k] = (u + k) * unitStep;
            for (std::size_t s = 0; s < count; ++s) {
                // Output k = u * batch + position + s + 1 of the stream: mix(stream + k gamma).
                U z = offset + (stream + (position + s + 1) * SplitMix64::Gamma);
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
                z = z ^ (z >> 31);
                const D top = __builtin_convertvector(z >> 11, D);
                // lower + range * (top 2^-53) in rreluStepSlope rounds range * u once; so does
                // (range * top) 2^-53, since scaling by 2^-53 is exact, and the sum with lower is
                // then the same whether or not it is fused with that exact product.
                const D slope = lower + (range * top) * 0x1p-53;
                const Out value = __builtin_convertvector(slope, Out);
                __builtin_memcpy(out + s * ld + u, &value, sizeof value);
            }
        }
    }
};

} // namespace RELULAB_SIMD_NAMESPACE
} // namespace
} // namespace relulab::core
