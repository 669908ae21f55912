#pragma once

// What the SIMD kernel families (layerkernels.cpp, borndead.cpp) need before they compile their
// kernels once per level with simdlevels.inc: the x86 intrinsics, and RELULAB_SIMD_LEVELS where the
// per-level regions can be compiled.

#include <type_traits>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

// The per-level kernels are compiled under `#pragma GCC target`, which only GCC knows: clang (the
// fuzz build, clang-tidy) compiles the baseline level alone, and simdLevel() is then Baseline.
#if (defined(__x86_64__) || defined(__i386__)) && !defined(__clang__)
#define RELULAB_SIMD_LEVELS 1
#endif

namespace relulab::core {
// X, spelled dependent on T: GCC 12 drops a dependent vector_size on a non-dependent type, so the
// kernels' vectors of another element type than T are declared as vectors of DependentOn<T, X>.
template<class T, class X>
using DependentOn = std::conditional_t<sizeof(T) != 0, X, void>;
} // namespace relulab::core

// glibc's vector maths library (libmvec, part of libc6) on x86-64, where CMake found it
// (RELULAB_LIBMVEC): exp and tanh of a whole vector, one variant per SIMD level (the x86-64 vector
// function ABI: b = SSE, d = AVX2, e = AVX-512). The wider variants are declared under their
// level's target, so that calls pass their vectors in ymm and zmm registers.
#if defined(RELULAB_LIBMVEC) && defined(__x86_64__)
// The names are the vector function ABI's mangled names, reserved to the implementation (glibc),
// which is what declares them here.
// NOLINTBEGIN(bugprone-reserved-identifier)
extern "C" {
__m128d _ZGVbN2v_exp(__m128d);
__m128 _ZGVbN4v_expf(__m128);
__m128d _ZGVbN2v_tanh(__m128d);
__m128 _ZGVbN4v_tanhf(__m128);
}
#ifdef RELULAB_SIMD_LEVELS
#pragma GCC push_options
#pragma GCC target("arch=x86-64-v3")
extern "C" {
__m256d _ZGVdN4v_exp(__m256d);
__m256 _ZGVdN8v_expf(__m256);
__m256d _ZGVdN4v_tanh(__m256d);
__m256 _ZGVdN8v_tanhf(__m256);
}
#pragma GCC pop_options
#pragma GCC push_options
#pragma GCC target("arch=x86-64-v4")
extern "C" {
__m512d _ZGVeN8v_exp(__m512d);
__m512 _ZGVeN16v_expf(__m512);
__m512d _ZGVeN8v_tanh(__m512d);
__m512 _ZGVeN16v_tanhf(__m512);
}
#pragma GCC pop_options
#endif
// NOLINTEND(bugprone-reserved-identifier)
#endif
