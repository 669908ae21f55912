#include "layerkernels.h"

#include <algorithm>

namespace relulab::core {

template<class T>
void denseForward(const T *weight, const T *bias, int out, int in, const T *input, T *pre,
                  std::size_t stride, std::size_t count)
{
    for (int o = 0; o < out; ++o) {
        T *row = pre + static_cast<std::size_t>(o) * stride;
        std::fill(row, row + count, bias[o]);
        const T *w = weight + static_cast<std::size_t>(o) * static_cast<std::size_t>(in);
        for (int i = 0; i < in; ++i) {
            const T wi = w[i];
            const T *x = input + static_cast<std::size_t>(i) * stride;
            for (std::size_t s = 0; s < count; ++s)
                row[s] += wi * x[s];
        }
    }
}

template<class T>
void denseWeightGradient(const T *grad, const T *input, int out, int in, std::size_t stride,
                         std::size_t count, T *gradWeight, T *gradBias)
{
    for (int o = 0; o < out; ++o) {
        const T *g = grad + static_cast<std::size_t>(o) * stride;
        T biasSum = 0;
        for (std::size_t s = 0; s < count; ++s)
            biasSum += g[s];
        gradBias[o] += biasSum;
        T *gw = gradWeight + static_cast<std::size_t>(o) * static_cast<std::size_t>(in);
        for (int i = 0; i < in; ++i) {
            const T *x = input + static_cast<std::size_t>(i) * stride;
            T sum = 0;
            for (std::size_t s = 0; s < count; ++s)
                sum += g[s] * x[s];
            gw[i] += sum;
        }
    }
}

template<class T>
void denseInputGradient(const T *weight, int out, int in, const T *grad, T *back,
                        std::size_t stride, std::size_t count)
{
    for (int i = 0; i < in; ++i) {
        T *row = back + static_cast<std::size_t>(i) * stride;
        std::fill(row, row + count, T(0));
        for (int o = 0; o < out; ++o) {
            const T w = weight[static_cast<std::size_t>(o) * static_cast<std::size_t>(in)
                               + static_cast<std::size_t>(i)];
            const T *g = grad + static_cast<std::size_t>(o) * stride;
            for (std::size_t s = 0; s < count; ++s)
                row[s] += w * g[s];
        }
    }
}

template void denseForward<float>(const float *, const float *, int, int, const float *, float *,
                                  std::size_t, std::size_t);
template void denseForward<double>(const double *, const double *, int, int, const double *,
                                   double *, std::size_t, std::size_t);
template void denseWeightGradient<float>(const float *, const float *, int, int, std::size_t,
                                         std::size_t, float *, float *);
template void denseWeightGradient<double>(const double *, const double *, int, int, std::size_t,
                                          std::size_t, double *, double *);
template void denseInputGradient<float>(const float *, int, int, const float *, float *,
                                        std::size_t, std::size_t);
template void denseInputGradient<double>(const double *, int, int, const double *, double *,
                                         std::size_t, std::size_t);

} // namespace relulab::core
