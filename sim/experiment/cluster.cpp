#include "sim/experiment/cluster.hpp"

#include <cstdlib>
#include <string>
#include <string_view>

#include "sim/core/error.hpp"

namespace munisim {
namespace {

class SingleProcess final : public Cluster {
 public:
  int rank() const override { return 0; }
  int size() const override { return 1; }
  int local_size() const override { return 1; }
  std::vector<std::size_t> broadcast(std::vector<std::size_t> values) override { return values; }
  bool all(bool ok) override { return ok; }
  std::vector<std::vector<unsigned char>> all_gather(std::vector<unsigned char> bytes) override {
    return {std::move(bytes)};
  }
  std::vector<std::vector<unsigned char>> gather(std::vector<unsigned char> bytes) override {
    return {std::move(bytes)};
  }
};

}  // namespace

#ifdef MUNISIM_WITH_MPI
// sim/experiment/mpi/mpi_cluster.cpp
std::unique_ptr<Cluster> join_mpi_job();
void abort_mpi_job(int exit_code);
#endif

std::vector<std::size_t> share_of(const std::vector<std::size_t>& pending, int rank, int size) {
  std::vector<std::size_t> share;
  for (std::size_t i = static_cast<std::size_t>(rank); i < pending.size(); i += static_cast<std::size_t>(size)) {
    share.push_back(pending[i]);
  }
  return share;
}

void end_job_after_error([[maybe_unused]] int exit_code) {
#ifdef MUNISIM_WITH_MPI
  abort_mpi_job(exit_code);
#endif
}

bool built_with_mpi() {
#ifdef MUNISIM_WITH_MPI
  return true;
#else
  return false;
#endif
}

std::unique_ptr<Cluster> join_cluster([[maybe_unused]] std::string_view work) {
#ifdef MUNISIM_WITH_MPI
  // Only a process that mpirun (or srun through PMIx) started joins a job; a plain `munisim
  // experiment` stays a single process without initialising MPI.
  if (std::getenv("OMPI_COMM_WORLD_SIZE") != nullptr || std::getenv("PMIX_RANK") != nullptr ||
      std::getenv("PMI_SIZE") != nullptr) {
    return join_mpi_job();
  }
#else
  // Without MPI each of mpirun's processes would run the whole experiment into the same files.
  if (const char* size = std::getenv("OMPI_COMM_WORLD_SIZE"); size != nullptr && std::string_view(size) != "1") {
    throw InputError("this munisim was built without MPI (MUNISIM_WITH_MPI=OFF), so it cannot share " +
                     std::string(work) + " among mpirun's processes; run it once without mpirun, or build it with "
                     "Boost.MPI");
  }
#endif
  return std::make_unique<SingleProcess>();
}

}  // namespace munisim
