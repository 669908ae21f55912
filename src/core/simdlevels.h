#pragma once

// What the SIMD kernel families (layerkernels.cpp, borndead.cpp) need before they compile their
// kernels once per level with simdlevels.inc: the x86 intrinsics, and RELULAB_SIMD_LEVELS where the
// per-level regions can be compiled.

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

// The per-level kernels are compiled under `#pragma GCC target`, which only GCC knows: clang (the
// fuzz build, clang-tidy) compiles the baseline level alone, and simdLevel() is then Baseline.
#if (defined(__x86_64__) || defined(__i386__)) && !defined(__clang__)
#define RELULAB_SIMD_LEVELS 1
#endif
