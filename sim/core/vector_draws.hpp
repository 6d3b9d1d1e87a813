// Lognormal factors for a block of agents at vector speed: the Philox words first, into an array,
// then one loop of Box-Muller and exp over the whole block that the compiler turns into glibc's
// vector math (this file alone is built with -ffast-math -fopenmp-simd).
#pragma once

#include <cstdint>
#include <span>

namespace munisim {

// out[i] = exp(mu + sigma * z_i) for the agents first, first + 1, ... of one engine block, the z_i
// independent standard normals from the Philox4x32 stream (seed, first / kBlockSize, day,
// purpose) of sim/core/philox_lanes.hpp: four 32-bit words for two agents, two 64-bit uniforms
// giving the Box-Muller pair (r cos t, r sin t) of two agents. `first` is a multiple of kBlockSize and out.size() at most
// kBlockSize, so an agent's factor depends only on its index, never on the split over threads.
// Values agree with the scalar formula to a few units in the last place, the same on every run.
void fill_lognormal_block(std::uint64_t seed, std::uint64_t first, std::uint32_t day, std::uint32_t purpose,
                          double mu, double sigma, std::span<double> out);

// chance[i] = 1 / (1 + exp(-logit[i])) in one vector loop (the same bits on every run; within a
// few units in the last place of the scalar formula). The spans have the same size.
void fill_logistic(std::span<const double> logit, std::span<double> chance);

}  // namespace munisim
