// The processes an experiment's runs are spread over: this process alone, or the ranks of an MPI
// job (`mpirun -n K munisim experiment ...`, built with MUNISIM_WITH_MPI). Rank 0 plans, checks
// and writes the output; every rank runs its share of the pending runs and stores them in the
// work folder, which therefore has to be on a file system all ranks see (docs/experiments.md).
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace munisim {

class Cluster {
 public:
  virtual ~Cluster() = default;
  [[nodiscard]] virtual int rank() const = 0;
  [[nodiscard]] virtual int size() const = 0;
  // Ranks on this machine, which share its cores.
  [[nodiscard]] virtual int local_size() const = 0;
  // Rank 0's `values` on every rank.
  [[nodiscard]] virtual std::vector<std::size_t> broadcast(std::vector<std::size_t> values) = 0;
  // Whether `ok` holds on every rank; also waits for all of them.
  [[nodiscard]] virtual bool all(bool ok) = 0;
  // Every rank's `bytes`, in rank order, on every rank.
  [[nodiscard]] virtual std::vector<std::vector<unsigned char>> all_gather(std::vector<unsigned char> bytes) = 0;
  // Every rank's `bytes`, in rank order, on rank 0; empty on the others.
  [[nodiscard]] virtual std::vector<std::vector<unsigned char>> gather(std::vector<unsigned char> bytes) = 0;
};

// The runs of `pending` that `rank` of `size` does: every size-th, starting at its own.
[[nodiscard]] std::vector<std::size_t> share_of(const std::vector<std::size_t>& pending, int rank, int size);

// The MPI job this process was started in by mpirun (when built with MPI), else this process alone.
// `work` names what the ranks would share, for the refusal of a build without MPI under mpirun.
[[nodiscard]] std::unique_ptr<Cluster> join_cluster(std::string_view work = "an experiment");

// After an error has left a rank of an MPI job and its message is printed: ends every rank with
// `exit_code` (as mpirun's exit code), since the others would wait for this one at their next
// collective. Returns at once in a process that is not part of a job.
void end_job_after_error(int exit_code);

// Whether this build can distribute runs over MPI ranks.
[[nodiscard]] bool built_with_mpi();

}  // namespace munisim
